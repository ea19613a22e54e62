/**
 * The job summary (docs/design.md section 1, "The summary"): the status line, the hook table,
 * failed hooks' details, culprits of a failed wait, resource changes, NOTES.txt; everything
 * from the cluster HTML-escaped; under 1 MiB with log blocks cut first; a Handlebars
 * `summary-template` rendered with the same data.
 */
import { describe, expect, it } from '@jest/globals';
import type { SummaryData } from '../../src/action/summary-data.js';
import { notReadyOf } from '../../src/action/summary-data.js';
import { fence, inline } from '../../src/action/markdown.js';
import { SUMMARY_LIMIT, formatDuration, renderSummary } from '../../src/action/summary.js';
import { WaitTimeoutError } from '../../src/kube/wait.js';
import type { HookOutcome } from '../../src/lifecycle/hook-outcome.js';

const hook = (over: Partial<HookOutcome>): HookOutcome => ({
  event: 'pre-install',
  kind: 'Job',
  name: 'app-migrate',
  namespace: 'default',
  path: 'app/templates/job.yaml',
  weight: 0,
  phase: 'Succeeded',
  startedAt: '',
  completedAt: '',
  durationMs: 1500,
  logTail: '',
  containers: [],
  events: [],
  ...over,
});

const data = (over: Partial<SummaryData> = {}): SummaryData => ({
  release: 'app',
  namespace: 'prod',
  chart: 'app-1.2.3',
  command: 'upgrade',
  outcome: 'succeeded',
  status: 'deployed',
  revision: 4,
  description: 'Upgrade complete',
  recovery: null,
  dryRun: false,
  manifestDigest: 'sha256:abc',
  notes: '',
  error: '',
  hooks: [],
  failedHooks: [],
  notReady: [],
  changes: [],
  plan: null,
  run: null,
  timeline: [],
  template: null,
  allHookLogs: false,
  ...over,
});

const failed = hook({
  phase: 'Failed',
  name: 'app-<migrate>',
  reason: 'job app-migrate failed: BackoffLimitExceeded',
  logTail: 'line 1\n<script>alert(1)</script>\n',
  containers: [
    {
      pod: 'app-migrate-x',
      container: 'main',
      reason: 'Error',
      exitCode: 3,
      message: 'db & schema | broken',
      logTail: '',
    },
  ],
  events: [
    {
      object: 'Pod app-migrate-x',
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off <restarting>',
      count: 2,
    },
  ],
  deletePolicyApplied: 'hook-failed',
});

describe('renderSummary', () => {
  it('writes the status line, the hook table with icons, changes and notes', () => {
    const md = renderSummary(
      data({
        hooks: [
          hook({ weight: -5, deletePolicyApplied: 'hook-succeeded' }),
          hook({ event: 'post-upgrade', name: 'notify', durationMs: 250 }),
        ],
        changes: [
          { action: 'created', object: 'ConfigMap/app' },
          { action: 'updated', object: 'Deployment/app', diff: '--- a\n+++ b\n' },
          { action: 'deleted', object: 'Service/old' },
        ],
        notes: 'Visit <http://app>',
      }),
    );
    expect(md).toContain('## ✅ hookline upgrade of app succeeded\n');
    expect(md).toContain(
      '**Release** app · **namespace** prod · **chart** app-1.2.3 · **status** deployed · **revision** 4\n',
    );
    expect(md).toContain(
      [
        '|  | Hook | Event | Weight | Phase | Duration | Deleted by |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| ✅ | Job/app-migrate | pre-install | -5 | Succeeded | 1.5s | hook-succeeded |',
        '| ✅ | Job/notify | post-upgrade | 0 | Succeeded | 250ms | - |',
      ].join('\n'),
    );
    expect(md).toContain('| created | ConfigMap/app |\n| updated | Deployment/app |\n');
    expect(md).toContain('| deleted | Service/old |');
    expect(md).toContain('### NOTES\n\n```text\nVisit <http://app>\n```');
  });

  it('shows NOTES only on success (issue 8 item 3)', () => {
    const md = renderSummary(data({ outcome: 'failed', status: 'failed', notes: 'is installed' }));
    expect(md).not.toContain('NOTES');
    expect(md).not.toContain('is installed');
  });

  it('details each failed hook, open, escaping what the cluster wrote', () => {
    const md = renderSummary(
      data({
        outcome: 'failed',
        status: 'failed',
        hooks: [failed],
        failedHooks: [failed],
        error: 'failed pre-install: <x>',
      }),
    );
    expect(md).toContain(
      '<details open><summary>❌ Failed hook Job/app-&lt;migrate&gt; (pre-install)</summary>',
    );
    expect(md).toContain('**Reason:** job app-migrate failed: BackoffLimitExceeded');
    expect(md).toContain('```text\nline 1\n<script>alert(1)</script>\n```');
    expect(md).toContain('```text\ndb & schema | broken\n```');
    expect(md).toContain(
      '| Pod app-migrate-x | Warning | BackOff | Back-off &lt;restarting&gt; (x2) |',
    );
    expect(md).toContain('**Error:**\n\n```text\nfailed pre-install: <x>\n```');
    expect(md.replace(/```text\n[^`]*```/g, '')).not.toContain('<script>');
  });

  it('labels a waiting message as such, not as a termination message (issue 8 item 8)', () => {
    const h = hook({
      phase: 'Failed',
      reason: 'r',
      containers: [
        {
          pod: 'p',
          container: 'c',
          reason: 'CrashLoopBackOff',
          state: 'waiting',
          message: 'back-off 10s restarting failed container',
          logTail: '',
        },
      ],
    });
    const md = renderSummary(data({ hooks: [h], failedHooks: [h] }));
    expect(md).toContain('**Waiting message** (p/c):');
    expect(md).not.toContain('Termination message');
  });

  it('hook-logs all: every hook log collapsed', () => {
    const ok = hook({ logTail: 'migrated 3 tables\n' });
    const md = renderSummary(data({ hooks: [ok], allHookLogs: true }));
    expect(md).toContain(
      '<details><summary>Log of Job/app-migrate (pre-install)</summary>\n\n**Last log lines:**\n\n```text\nmigrated 3 tables\n```',
    );
    expect(renderSummary(data({ hooks: [ok] }))).not.toContain('migrated 3 tables');
  });

  it('lists the resources a failed wait found not ready', () => {
    const err = new Error('wrapped', {
      cause: new WaitTimeoutError(['Deployment web: 0/2 ready', 'Pod web-x: ImagePullBackOff']),
    });
    const md = renderSummary(data({ status: 'failed', notReady: notReadyOf(err) }));
    expect(md).toContain(
      '### Not ready\n\n| Resource | Why |\n| --- | --- |\n| Deployment web | 0/2 ready |\n| Pod web-x | ImagePullBackOff |\n',
    );
    expect(notReadyOf(new Error('other'))).toEqual([]);
  });

  it('stays under 1 MiB, cutting log blocks first and saying so', () => {
    const huge = Array.from({ length: 40_000 }, (_, i) => `log line ${i} ${'x'.repeat(40)}`).join(
      '\n',
    );
    const h = hook({ ...failed, logTail: huge });
    const md = renderSummary(data({ hooks: [h], failedHooks: [h], notes: 'kept' }));
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('Log and diff blocks were truncated to their last 50 lines');
    expect(md).toContain('log line 39999');
    expect(md).not.toContain('log line 39949 ');
    expect(md).toContain('### NOTES');
  });

  it('cuts the whole text when even the short layout is too big', () => {
    const md = renderSummary(data({ notes: 'n'.repeat(2 * 1024 * 1024) }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(md.endsWith('(truncated at 1 MiB)\n')).toBe(true);
  });

  it('renders a Handlebars summary-template with the same data (escaped by {{}})', () => {
    const tpl =
      '{{release}}/{{namespace}} r{{revision}} {{status}}{{#each hooks}} [{{event}} {{kind}}/{{name}}]{{/each}}';
    expect(renderSummary(data({ hooks: [failed] }), tpl)).toBe(
      'app/prod r4 deployed [pre-install Job/app-&lt;migrate&gt;]',
    );
  });

  it('shows the hook plan of a dry run', () => {
    const md = renderSummary(
      data({
        dryRun: true,
        status: 'planned',
        outcome: 'planned',
        plan: {
          deployedRevision: 3,
          changes: [],
          hooks: [
            {
              event: 'pre-upgrade',
              kind: 'Job',
              name: 'm',
              weight: 2,
              deletePolicies: ['before-hook-creation'],
            },
          ],
        },
        changes: [
          {
            action: 'updated',
            object: 'Deployment/app',
            diff: '--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n+<y>\n',
          },
        ],
      }),
    );
    expect(md).toContain('## 📝 hookline upgrade (dry run) of app planned');
    expect(md).toContain('| pre-upgrade | Job/m | 2 | before-hook-creation |');
    expect(md).toContain('### Planned changes');
    expect(md).toContain('```diff\n--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n+<y>\n```');
  });
});

describe('helpers', () => {
  it.each([
    ['<a href="x">&|`*_', '&lt;a href="x"&gt;&amp;\\|\\`\\*\\_'],
    ['plain', 'plain'],
  ])('inline(%j)', (input, want) => expect(inline(input)).toBe(want));

  it('fences content holding backticks with a longer fence', () => {
    expect(fence('a\n```\nb')).toBe('````text\na\n```\nb\n````');
  });

  it.each([
    [0, '0ms'],
    [999, '999ms'],
    [1000, '1.0s'],
    [61_250, '61.3s'],
  ])('formatDuration(%d)', (ms, want) => expect(formatDuration(ms)).toBe(want));
});

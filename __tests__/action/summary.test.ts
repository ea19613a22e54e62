/**
 * The job summary (docs/design.md section 1, "The summary"): the status line, the hook table,
 * failed hooks' details, culprits of a failed wait, resource changes, NOTES.txt; everything
 * from the cluster HTML-escaped; under 1 MiB with log blocks cut first; a Handlebars
 * `summary-template` rendered with the same data.
 */
import { describe, expect, it } from '@jest/globals';
import type { SummaryData } from '../../src/action/summary-data.js';
import { notReadyOf } from '../../src/action/summary-data.js';
import {
  SUMMARY_LIMIT,
  escapeHtml,
  formatDuration,
  renderSummary,
} from '../../src/action/summary.js';
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
  status: 'deployed',
  revision: 4,
  dryRun: false,
  manifestDigest: 'sha256:abc',
  notes: '',
  error: '',
  hooks: [],
  failedHooks: [],
  notReady: [],
  changes: [],
  plan: null,
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
  it('writes the status line, the hook table, changes and notes', () => {
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
    expect(md).toContain(
      'Release **app** (namespace prod), chart app-1.2.3, command `upgrade`: **deployed**, revision 4\n',
    );
    expect(md).toContain(
      [
        '| event | hook | weight | phase | duration | deleted by |',
        '| --- | --- | --- | --- | --- | --- |',
        '| pre-install | Job/app-migrate | -5 | Succeeded | 1.5s | hook-succeeded |',
        '| post-upgrade | Job/notify | 0 | Succeeded | 250ms |  |',
      ].join('\n'),
    );
    expect(md).toContain('- created: ConfigMap/app\n- updated: Deployment/app\n');
    expect(md).toContain('- deleted: Service/old');
    expect(md).toContain('### NOTES\n\n<pre>Visit &lt;http://app&gt;</pre>');
  });

  it('details each failed hook, HTML-escaping what the cluster wrote', () => {
    const md = renderSummary(
      data({
        status: 'failed',
        hooks: [failed],
        failedHooks: [failed],
        error: 'failed pre-install: <x>',
      }),
    );
    expect(md).toContain(
      '<details><summary>Failed hook Job/app-&lt;migrate&gt; (pre-install)</summary>',
    );
    expect(md).toContain('**Reason:** job app-migrate failed: BackoffLimitExceeded');
    expect(md).toContain('<pre>line 1\n&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>');
    expect(md).toContain('<pre>db &amp; schema &#124; broken</pre>');
    expect(md).toContain('- Pod app-migrate-x: Warning BackOff: Back-off &lt;restarting&gt;');
    expect(md).toContain('**Error:** failed pre-install: &lt;x&gt;');
    expect(md).not.toContain('<script>');
  });

  it('lists the resources a failed wait found not ready', () => {
    const err = new Error('wrapped', {
      cause: new WaitTimeoutError(['Deployment web: 0/2 ready', 'Pod web-x: ImagePullBackOff']),
    });
    const md = renderSummary(data({ status: 'failed', notReady: notReadyOf(err) }));
    expect(md).toContain(
      '### Resources not ready\n\n- Deployment web: 0/2 ready\n- Pod web-x: ImagePullBackOff\n',
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
    expect(md).toContain('command `upgrade` (dry run): **planned**');
    expect(md).toContain('| pre-upgrade | Job/m | 2 | before-hook-creation |');
    expect(md).toContain('### Planned changes');
    expect(md).toContain('-x\n+&lt;y&gt;');
  });
});

describe('helpers', () => {
  it.each([
    ['<a href="x">&\'|`', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&#124;&#96;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, want) => expect(escapeHtml(input)).toBe(want));

  it.each([
    [0, '0ms'],
    [999, '999ms'],
    [1000, '1.0s'],
    [61_250, '61.3s'],
  ])('formatDuration(%d)', (ms, want) => expect(formatDuration(ms)).toBe(want));
});

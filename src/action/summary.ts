/**
 * The job summary / PR comment (docs/design.md section 1, "The summary"): Markdown built from a
 * SummaryData with src/action/markdown.ts so that it renders (GFM tables, `<details>` blocks
 * with fenced code inside, nothing shown entity-escaped), capped under 1 MiB (log and diff
 * blocks are shortened first, and the summary says so). A `summary-template` (Handlebars)
 * replaces the layout and gets the same data (fields: src/action/summary-data.ts).
 */
import Handlebars from 'handlebars';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import { code, details, fence, inline, table, tailLines } from './markdown.js';
import type { Outcome, SummaryData } from './summary-data.js';
import { ganttBlock } from './timeline.js';

export const SUMMARY_LIMIT = 1024 * 1024 - 1024;

const ICON: Record<Outcome, string> = {
  succeeded: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🚫',
  'rolled-back': '↩️',
  uninstalled: '🗑️',
  planned: '📝',
  rendered: '📄',
};

const WORDS: Record<Outcome, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  'timed-out': 'timed out',
  cancelled: 'was cancelled',
  'rolled-back': 'failed and was rolled back',
  uninstalled: 'failed and was uninstalled',
  planned: 'planned',
  rendered: 'rendered',
};

const HOOK_ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Running: '⏳',
  Pending: '⏳',
  Unknown: '❔',
};

/** `850ms`, `12.3s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

function statusLines(d: SummaryData): string[] {
  const out = [
    `## ${ICON[d.outcome]} hookline ${d.command}${d.dryRun ? ' (dry run)' : ''} of ${inline(d.release)} ${WORDS[d.outcome]}`,
    '',
  ];
  const facts = [
    `**Release** ${inline(d.release)}`,
    `**namespace** ${inline(d.namespace)}`,
    ...(d.chart ? [`**chart** ${inline(d.chart)}`] : []),
    ...(d.status ? [`**status** ${inline(d.status)}`] : []),
    `**revision** ${d.revision > 0 ? d.revision : 'none'}`,
  ];
  out.push(facts.join(' · '), '');
  if (d.description) out.push(`> ${inline(d.description)}`, '');
  if (d.run) {
    const run = d.run.url ? `[run ${inline(d.run.runId)}](${d.run.url})` : 'local run';
    const commit = d.run.commit ? ` · commit ${code(d.run.commit.slice(0, 12))}` : '';
    out.push(`${run}${commit} · ${inline(d.run.time)}`, '');
  }
  return out;
}

function recoveryLines(d: SummaryData): string[] {
  const r = d.recovery;
  if (!r) return [];
  const failed =
    r.failedRevision > 0 ? `revision ${r.failedRevision} failed` : 'the release failed';
  const what =
    r.action === 'rollback'
      ? `↩️ **Atomic rollback:** ${failed}; rolled back to revision ${r.toRevision ?? '?'}${r.revision ? `, recorded as revision ${r.revision}` : ''}.`
      : `🗑️ **Atomic uninstall:** ${failed}; the release was uninstalled.`;
  return [what, '', `**Reason:** ${inline(r.reason)}`, ''];
}

function hookTable(hooks: readonly HookOutcome[]): string[] {
  if (hooks.length === 0) return [];
  return [
    '### Hooks',
    '',
    ...table(
      ['', 'Hook', 'Event', 'Weight', 'Phase', 'Duration', 'Deleted by'],
      hooks.map((h) => [
        HOOK_ICON[h.phase || 'Unknown'] ?? '❔',
        `${h.kind}/${h.name}`,
        h.event,
        String(h.weight),
        h.phase || 'Unknown',
        h.durationMs ? formatDuration(h.durationMs) : '-',
        h.deletePolicyApplied ?? '-',
      ]),
    ),
  ];
}

function failedHook(h: HookOutcome, logLines: number): string[] {
  const body: string[] = [];
  if (h.reason) body.push(`**Reason:** ${inline(h.reason)}`, '');
  if (h.exitCode !== undefined) body.push(`**Exit code:** ${h.exitCode}`, '');
  for (const c of h.containers) {
    const where = `${c.pod}/${c.container}`;
    const state = [c.reason, c.exitCode !== undefined ? `exit code ${c.exitCode}` : '']
      .filter(Boolean)
      .join(', ');
    if (state) body.push(`**Container** ${inline(where)}: ${inline(state)}`, '');
    if (c.message) {
      const label = c.state === 'waiting' ? 'Waiting message' : 'Termination message';
      body.push(`**${label}** (${inline(where)}):`, '', fence(c.message), '');
    }
  }
  body.push(...logBlock(h.logTail, logLines));
  if (h.events.length) {
    body.push(
      '**Events** (oldest first):',
      '',
      ...table(
        ['Last seen', 'Object', 'Type', 'Reason', 'Message'],
        h.events.map((e) => [
          e.lastTimestamp ?? '',
          e.object,
          e.type,
          e.reason,
          e.count > 1 ? `${e.message} (x${e.count})` : e.message,
        ]),
      ),
    );
  }
  return details(`❌ Failed hook ${h.kind}/${h.name} (${h.event})`, body, true);
}

function logBlock(logTail: string, logLines: number): string[] {
  if (logTail.trim() === '') return [];
  const t = tailLines(logTail, logLines);
  const head = t.cut ? `**Last log lines** (${t.cut} earlier lines cut):` : '**Last log lines:**';
  return [head, '', fence(t.text), ''];
}

function allLogs(d: SummaryData, logLines: number): string[] {
  if (!d.allHookLogs) return [];
  const out: string[] = [];
  for (const h of d.hooks) {
    if (h.reason !== undefined || h.logTail.trim() === '') continue;
    out.push(...details(`Log of ${h.kind}/${h.name} (${h.event})`, logBlock(h.logTail, logLines)));
  }
  return out;
}

function planLines(d: SummaryData): string[] {
  if (!d.plan?.hooks.length) return [];
  return [
    '### Hook plan',
    '',
    ...table(
      ['Event', 'Hook', 'Weight', 'Delete policies'],
      d.plan.hooks.map((h) => [
        h.event,
        `${h.kind}/${h.name}`,
        String(h.weight),
        h.deletePolicies.join(', '),
      ]),
    ),
  ];
}

function changeLines(d: SummaryData, logLines: number): string[] {
  if (d.changes.length === 0) return [];
  const out = [
    d.dryRun ? '### Planned changes' : '### Resource changes',
    '',
    ...table(
      ['Change', 'Object'],
      d.changes.map((c) => [c.action, c.object]),
    ),
  ];
  for (const c of d.changes) {
    if (!c.diff) continue;
    const t = tailLines(c.diff, logLines);
    const note = t.cut ? [`(${t.cut} earlier lines cut)`, ''] : [];
    out.push(...details(`diff of ${c.object}`, [...note, fence(t.text, 'diff')]));
  }
  return out;
}

function templateLines(d: SummaryData): string[] {
  const t = d.template;
  if (!t) return [];
  const docs = `${t.documents} document${t.documents === 1 ? '' : 's'}`;
  const note = t.truncated
    ? [
        `Truncated: the first ${kib(Buffer.byteLength(t.preview))} of ${kib(t.bytes)} are shown; the whole manifest is in ${code(t.path)}.`,
        '',
      ]
    : [];
  return [
    '### Manifest',
    '',
    `Written to ${code(t.path)} (output ${code('manifest-path')}).`,
    '',
    ...details(`Manifest: ${docs}, ${kib(t.bytes)}`, [...note, fence(t.preview, 'yaml')]),
  ];
}

function layout(d: SummaryData, logLines: number, note: string): string {
  const out = statusLines(d);
  if (note) out.push(`> ${note}`, '');
  out.push(...recoveryLines(d));
  if (d.error) out.push('**Error:**', '', fence(d.error), '');
  if (d.timeline.length > 1) out.push('### Timeline', '', ganttBlock(d.release, d.timeline), '');
  out.push(...hookTable(d.hooks));
  for (const h of d.failedHooks) out.push(...failedHook(h, logLines));
  out.push(...allLogs(d, logLines));
  if (d.notReady.length) {
    out.push(
      '### Not ready',
      '',
      ...table(
        ['Resource', 'Why'],
        d.notReady.map((r) => {
          const i = r.indexOf(': ');
          return i < 0 ? [r, ''] : [r.slice(0, i), r.slice(i + 2)];
        }),
      ),
    );
  }
  out.push(...planLines(d));
  out.push(...changeLines(d, logLines));
  out.push(...templateLines(d));
  if (d.manifestDigest) out.push(`Manifest digest: ${code(d.manifestDigest)}`, '');
  // A release that failed is not "installed": NOTES only when the command did what it says.
  if (d.notes && (d.outcome === 'succeeded' || d.outcome === 'rendered'))
    out.push('### NOTES', '', fence(d.notes), '');
  return out.join('\n');
}

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cut `s` to at most `limit` bytes on a character boundary. */
function cutBytes(s: string, limit: number): string {
  const buf = Buffer.from(s, 'utf8').subarray(0, limit);
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}

/** The built-in layout, or `template` (Handlebars) when given; always under 1 MiB. */
export function renderSummary(data: SummaryData, template = ''): string {
  if (template.trim() !== '') {
    const text = Handlebars.compile(template)(data);
    return byteLength(text) <= SUMMARY_LIMIT
      ? text
      : `${cutBytes(text, SUMMARY_LIMIT - 100)}\n\n(truncated at 1 MiB)\n`;
  }
  let text = layout(data, -1, '');
  for (const lines of [50, 10, 0]) {
    if (byteLength(text) <= SUMMARY_LIMIT) return text;
    text = layout(
      data,
      lines,
      `Log and diff blocks were truncated to their last ${lines} lines to keep the summary under 1 MiB.`,
    );
  }
  if (byteLength(text) <= SUMMARY_LIMIT) return text;
  return `${cutBytes(text, SUMMARY_LIMIT - 100)}\n\n(truncated at 1 MiB)\n`;
}

/**
 * The job summary / PR comment (docs/design.md section 1, "The summary"): Markdown from a
 * SummaryData, every text from the cluster HTML-escaped, capped under 1 MiB (log blocks are
 * shortened first, and the summary says so). A `summary-template` (Handlebars) replaces the
 * layout and gets the same data (fields: src/action/summary-data.ts).
 */
import Handlebars from 'handlebars';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import type { SummaryData } from './summary-data.js';

export const SUMMARY_LIMIT = 1024 * 1024 - 1024;

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'|`]/g, (c) => ESC[c]!);
}

const pre = (s: string): string => `<pre>${escapeHtml(s)}</pre>`;

/** `850ms`, `12.3s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function hookTable(hooks: readonly HookOutcome[]): string[] {
  if (hooks.length === 0) return [];
  const rows = hooks.map(
    (h) =>
      `| ${escapeHtml(h.event)} | ${escapeHtml(`${h.kind}/${h.name}`)} | ${h.weight} | ${escapeHtml(h.phase || 'Unknown')} | ${formatDuration(h.durationMs)} | ${escapeHtml(h.deletePolicyApplied ?? '')} |`,
  );
  return [
    '### Hooks',
    '',
    '| event | hook | weight | phase | duration | deleted by |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

function tail(text: string, maxLines: number): string {
  if (maxLines < 0) return text;
  if (maxLines === 0) return '';
  const ls = text.replace(/\n$/, '').split('\n');
  return ls.length <= maxLines ? text : ls.slice(-maxLines).join('\n');
}

function failedHook(h: HookOutcome, logLines: number): string[] {
  const out = [
    `<details><summary>Failed hook ${escapeHtml(`${h.kind}/${h.name}`)} (${escapeHtml(h.event)})</summary>`,
    '',
  ];
  out.push(`**Reason:** ${escapeHtml(h.reason ?? '')}`, '');
  if (h.logTail !== '') out.push('**Last log lines:**', '', pre(tail(h.logTail, logLines)), '');
  for (const c of h.containers) {
    if (c.message)
      out.push(
        `**Termination message** (${escapeHtml(`${c.pod}/${c.container}`)}):`,
        '',
        pre(c.message),
        '',
      );
  }
  if (h.events.length) {
    out.push('**Recent events:**', '');
    for (const e of h.events)
      out.push(`- ${escapeHtml(`${e.object}: ${e.type} ${e.reason}: ${e.message}`)}`);
    out.push('');
  }
  out.push('</details>', '');
  return out;
}

function changeLines(data: SummaryData, withDiffs: boolean, logLines: number): string[] {
  if (data.changes.length === 0) return [];
  const out = [data.dryRun ? '### Planned changes' : '### Resource changes', ''];
  for (const c of data.changes) {
    out.push(`- ${c.action}: ${escapeHtml(c.object)}`);
    if (withDiffs && c.diff)
      out.push(
        '',
        `  <details><summary>diff</summary>`,
        '',
        `  ${pre(tail(c.diff, logLines))}`,
        '',
        '  </details>',
        '',
      );
  }
  return [...out, ''];
}

function layout(data: SummaryData, logLines: number, note: string): string {
  const out = [
    `## hookline: ${escapeHtml(data.release)}`,
    '',
    `Release **${escapeHtml(data.release)}** (namespace ${escapeHtml(data.namespace)}), chart ${escapeHtml(data.chart)}, command \`${escapeHtml(data.command)}\`${data.dryRun ? ' (dry run)' : ''}: **${escapeHtml(data.status)}**, revision ${data.revision}`,
    '',
  ];
  if (note) out.push(`> ${note}`, '');
  if (data.error) out.push(`**Error:** ${escapeHtml(data.error)}`, '');
  if (data.manifestDigest) out.push(`Manifest digest: \`${data.manifestDigest}\``, '');
  out.push(...hookTable(data.hooks));
  for (const h of data.failedHooks) out.push(...failedHook(h, logLines));
  if (data.notReady.length) {
    out.push('### Resources not ready', '', ...data.notReady.map((r) => `- ${escapeHtml(r)}`), '');
  }
  if (data.plan?.hooks.length) {
    out.push(
      '### Hook plan',
      '',
      '| event | hook | weight | delete policies |',
      '| --- | --- | --- | --- |',
    );
    for (const h of data.plan.hooks)
      out.push(
        `| ${h.event} | ${escapeHtml(`${h.kind}/${h.name}`)} | ${h.weight} | ${escapeHtml(h.deletePolicies.join(', '))} |`,
      );
    out.push('');
  }
  out.push(...changeLines(data, true, logLines));
  if (data.notes) out.push('### NOTES', '', pre(data.notes), '');
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

/**
 * The hook summary hookline prints after a command (what Helm never shows): every hook run with
 * its event, kind/name, weight, phase, duration and the delete policy applied, then for each
 * failed hook its reason, the last lines of its log and its recent events.
 */
import type { HookOutcome } from '../lifecycle/hook-outcome.js';

const LOG_LINES = 10;

function pad(cells: string[][]): string[] {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export interface HookSummaryOptions {
  /** `--hook-logs all` / `hook-logs: all`: every hook's log lines, not only a failed one's. */
  allLogs?: boolean;
}

function logLines(o: HookOutcome): string[] {
  return o.logTail
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '');
}

/** A table of `outcomes` plus details of the failed ones; '' when no hook ran. */
export function formatHookSummary(
  outcomes: readonly HookOutcome[],
  options: HookSummaryOptions = {},
): string {
  if (outcomes.length === 0) return '';
  const rows = [
    ['EVENT', 'HOOK', 'WEIGHT', 'PHASE', 'DURATION', 'DELETED BY'],
    ...outcomes.map((o) => [
      o.event,
      `${o.kind}/${o.name}`,
      String(o.weight),
      o.phase || 'Pending',
      o.durationMs ? seconds(o.durationMs) : '-',
      o.deletePolicyApplied ?? '-',
    ]),
  ];
  const out = ['HOOKS:', ...pad(rows)];
  for (const o of outcomes.filter((x) => x.phase === 'Failed')) {
    out.push('', `FAILED HOOK ${o.event} ${o.kind}/${o.name} (${o.path}):`);
    if (o.reason) out.push(`  reason: ${o.reason}`);
    if (o.exitCode !== undefined) out.push(`  exit code: ${o.exitCode}`);
    for (const c of o.containers) {
      if (c.exitCode === undefined && !c.reason) continue;
      const code = c.exitCode === undefined ? '' : ` exit code ${c.exitCode}`;
      out.push(`  container ${c.pod}/${c.container}: ${c.reason ?? ''}${code}`);
      if (c.message)
        out.push(
          `    ${c.state === 'waiting' ? 'waiting message' : 'termination message'}: ${c.message}`,
        );
    }
    const lines = logLines(o);
    if (lines.length) {
      out.push('  last log lines:');
      for (const l of lines.slice(-LOG_LINES)) out.push(`    ${l}`);
    }
    for (const e of o.events.slice(-5)) {
      out.push(`  event: ${e.object}: ${e.type} ${e.reason}: ${e.message}`);
    }
  }
  if (options.allLogs) {
    for (const o of outcomes.filter((x) => x.phase !== 'Failed')) {
      const lines = logLines(o);
      if (lines.length === 0) continue;
      out.push('', `LOG OF HOOK ${o.event} ${o.kind}/${o.name}:`, ...lines.map((l) => `  ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}

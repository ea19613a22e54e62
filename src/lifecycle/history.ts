/**
 * `history(cfg, releaseName, { max })`: helm history as a library call (helm/helm
 * pkg/action/history.go and cmd/helm/history.go getHistory, v3.21.4): the newest `max`
 * revisions (default 256), ascending, with the columns `helm history` shows, and
 * formatHistory, its table (cmd/helm/history.go WriteTable and pkg/cli/output EncodeTable)
 * laid out as gosuri/uitable does it (table.go, util/strutil): columns joined by `\t`, every
 * cell (the last one too) padded with spaces to its column's widest line, multi-line cells
 * spread over several lines, one `\n` at the end. Widths count code points (go-runewidth's
 * width for the text Helm prints here, which has no East Asian wide or zero-width characters
 * in practice).
 */
import { unreachableMessage } from '../kube/reachable.js';
import { reverse, sortByRevision } from '../release/history.js';
import { validateReleaseName } from '../release/name.js';
import type { Release } from '../release/types.js';
import type { Configuration } from './config.js';
import { TIME_STRING, formatHelmTime } from './release-time.js';

export interface HistoryOptions {
  /** `--max`: the most recent revisions kept (default 256). */
  max?: number;
}

export const DEFAULT_HISTORY_MAX = 256;

/** History.Run + getHistory. */
export async function history(
  cfg: Configuration,
  releaseName: string,
  options: HistoryOptions = {},
): Promise<HistoryRow[]> {
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new Error(unreachable);
  try {
    validateReleaseName(releaseName);
  } catch {
    throw new Error(`release name is invalid: ${releaseName}`);
  }
  const newest = reverse(await cfg.storage.history(releaseName), sortByRevision);
  const kept = newest.slice(0, Math.max(0, options.max ?? DEFAULT_HISTORY_MAX));
  return kept.reverse().map(historyRow);
}

/** getReleaseHistory for one record. */
export function historyRow(r: Release): HistoryRow {
  const meta = r.chart?.metadata ?? null;
  return {
    revision: r.version,
    updated: formatHelmTime(r.info.last_deployed, TIME_STRING),
    status: r.info.status,
    chart: meta ? `${meta.name}-${meta.version}` : 'MISSING',
    appVersion: meta ? meta.appVersion : 'MISSING',
    description: r.info.description,
  };
}

/** One row of `helm history` (cmd/helm/history.go releaseInfo). */
export interface HistoryRow {
  revision: number;
  /** `LastDeployed.String()`; Go's zero time when the record has none. */
  updated: string;
  status: string;
  /** `<name>-<version>`, or `MISSING` without chart metadata. */
  chart: string;
  /** The chart's appVersion, or `MISSING` without chart metadata. */
  appVersion: string;
  description: string;
}

const HEADER = ['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'];

/** The table for the rows (already in print order: ascending revision). */
export function formatHistory(rows: readonly HistoryRow[]): string {
  const table = [
    HEADER,
    ...rows.map((r) => [
      String(r.revision),
      r.updated,
      r.status,
      r.chart,
      r.appVersion,
      r.description,
    ]),
  ];
  return `${uitable(table)}\n`;
}

/** runewidth.StringWidth, approximated: code points, control characters counting 0. */
const width = (s: string): number =>
  [...s].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return cp >= 0x20 && cp !== 0x7f;
  }).length;

/** uitable's Table.String with Separator `\t` and no MaxColWidth / Wrap. */
export function uitable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      // Cell.LineWidth: the widest line of the unsized cell.
      const w = Math.max(...cell.split('\n').map(width));
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  return rows.map((row) => formatRow(row, widths)).join('\n');
}

/** Row.String: each sized cell split into lines, one output line per line of the tallest. */
function formatRow(row: readonly string[], widths: readonly number[]): string {
  const split = row.map((cell, y) => resize(cell, widths[y] ?? 0).split('\n'));
  const count = Math.max(...split.map((lines) => lines.length));
  const out: string[] = [];
  for (let x = 0; x < count; x++)
    out.push(row.map((_, y) => lineCell(split[y]?.[x], widths[y] ?? 0)).join('\t'));
  return out.join('\n');
}

/** A line of a cell; a cell with fewer lines has nil data there: PadLeft(" ", w). */
function lineCell(line: string | undefined, w: number): string {
  return line === undefined ? ' '.repeat(Math.max(1, w)) : resize(line, w);
}

/**
 * strutil.Resize: pad right with spaces to `n`; a longer text (a multi-line cell, whose total
 * width exceeds its widest line) is cut to its first n-3 bytes plus `...` [quirk].
 */
export function resize(s: string, n: number): string {
  const len = width(s);
  if (len === n) return s;
  const padded = len < n ? s + ' '.repeat(n - len) : s;
  if (len <= n) return padded;
  const bytes = new TextEncoder().encode(padded).slice(0, Math.max(0, n - 3));
  return `${new TextDecoder().decode(bytes)}...`;
}

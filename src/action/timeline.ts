/**
 * The run's timeline for the summary: the command, each hook (from its recorded start and
 * completion) grouped by event, and the resources phase between the pre-hooks and the
 * post-hooks, printed as a Mermaid gantt chart (GitHub renders ```mermaid blocks). Pure.
 */
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import { fence } from './markdown.js';

export interface TimelineSpan {
  section: string;
  name: string;
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  state: 'done' | 'failed';
}

const time = (t: string): number | undefined => {
  const ms = t ? Date.parse(t) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

export interface TimelineInput {
  /** install, upgrade, rollback, uninstall or test. */
  command: string;
  /** The command's bar (`upgrade shop`). */
  label: string;
  /** When the command started and ended (ms since the epoch). */
  start: number;
  end: number;
  failed: boolean;
  hooks: readonly HookOutcome[];
}

/** Phases and hooks in time order. */
export function buildTimeline(input: TimelineInput): TimelineSpan[] {
  const out: TimelineSpan[] = [
    {
      section: 'command',
      name: input.label,
      start: input.start,
      end: input.end,
      state: input.failed ? 'failed' : 'done',
    },
  ];
  const hookSpans: Array<TimelineSpan & { event: string }> = [];
  for (const h of input.hooks) {
    const start = time(h.startedAt);
    if (start === undefined) continue;
    const end = time(h.completedAt) ?? input.end;
    hookSpans.push({
      event: h.event,
      section: `${h.event} hooks`,
      name: `${h.kind}/${h.name}`,
      start,
      end,
      state: h.phase === 'Failed' ? 'failed' : 'done',
    });
  }
  const pre = hookSpans.filter((s) => s.event.startsWith('pre-'));
  const post = hookSpans.filter((s) => s.event.startsWith('post-'));
  // A pre-hook refused before it was created has no span, and failed all the same.
  const preFailed = input.hooks.some((h) => h.event.startsWith('pre-') && h.phase === 'Failed');
  if (['install', 'upgrade', 'rollback', 'uninstall'].includes(input.command) && !preFailed) {
    const from = Math.max(input.start, ...pre.map((s) => s.end));
    const to = post.length ? Math.min(...post.map((s) => s.start)) : input.end;
    if (to >= from)
      out.push({
        section: 'resources',
        name: input.command === 'uninstall' ? 'delete' : 'apply and wait',
        start: from,
        end: to,
        state: input.failed && post.length === 0 ? 'failed' : 'done',
      });
  }
  out.push(...hookSpans.map(({ event: _e, ...s }) => s));
  return out;
}

/** Mermaid forbids `:`, `;` and `#` in task names. */
const taskName = (s: string): string => s.replace(/[:;#\n]/g, ' ').trim() || '-';

/** A ```mermaid gantt block of the spans (empty when there are none). */
export function ganttBlock(title: string, spans: readonly TimelineSpan[]): string {
  if (spans.length === 0) return '';
  const lines = ['gantt', `  title ${taskName(title)}`, '  dateFormat x', '  axisFormat %M:%S'];
  const sections = [...new Set(spans.map((s) => s.section))];
  let id = 0;
  for (const section of sections) {
    lines.push(`  section ${taskName(section)}`);
    for (const s of spans.filter((x) => x.section === section)) {
      const tag = s.state === 'failed' ? 'crit, ' : 'done, ';
      const end = Math.max(s.end, s.start + 1);
      lines.push(`  ${taskName(s.name)} :${tag}t${id++}, ${s.start}, ${end}`);
    }
  }
  return fence(lines.join('\n'), 'mermaid');
}

/** The summary's Mermaid gantt: the command, the resources phase between pre- and post-hooks, each hook. */
import { describe, expect, it } from '@jest/globals';
import { buildTimeline, ganttBlock } from '../../src/action/timeline.js';
import { hook } from './summary-fixtures.js';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe('buildTimeline', () => {
  it('puts the resources phase between the last pre-hook and the first post-hook', () => {
    const spans = buildTimeline({
      command: 'install',
      label: 'install shop',
      start: T0,
      end: T0 + 20_000,
      failed: false,
      hooks: [
        hook({ event: 'pre-install', startedAt: at(1), completedAt: at(4) }),
        hook({ event: 'post-install', name: 'notify', startedAt: at(15), completedAt: at(18) }),
      ],
    });
    expect(
      spans.map((s) => [s.section, s.name, (s.start - T0) / 1000, (s.end - T0) / 1000]),
    ).toEqual([
      ['command', 'install shop', 0, 20],
      ['resources', 'apply and wait', 4, 15],
      ['pre-install hooks', 'Job/shop-db-migrate', 1, 4],
      ['post-install hooks', 'Job/notify', 15, 18],
    ]);
    const block = ganttBlock('shop', spans);
    expect(block).toContain('  section resources\n  apply and wait :done, t1, ');
    expect(block.startsWith('```mermaid\ngantt\n')).toBe(true);
  });

  it('has no resources phase when a pre-hook was refused before it was created', () => {
    const spans = buildTimeline({
      command: 'install',
      label: 'install shop',
      start: T0,
      end: T0 + 2_000,
      failed: true,
      hooks: [hook({ event: 'pre-install', phase: 'Failed', startedAt: '', completedAt: '' })],
    });
    expect(spans.map((s) => `${s.section}:${s.state}`)).toEqual(['command:failed']);
  });

  it('has no resources phase when a pre-hook failed, and marks the failure', () => {
    const spans = buildTimeline({
      command: 'install',
      label: 'install shop',
      start: T0,
      end: T0 + 9_000,
      failed: true,
      hooks: [
        hook({ event: 'pre-install', phase: 'Failed', startedAt: at(1), completedAt: at(9) }),
      ],
    });
    expect(spans.map((s) => `${s.section}:${s.state}`)).toEqual([
      'command:failed',
      'pre-install hooks:failed',
    ]);
    expect(ganttBlock('a: b; #c', spans)).toContain('  title a  b   c\n');
  });
});

// Server-side printing: HumanDuration (apimachinery/pkg/util/duration/duration_test.go) and the
// Pod STATUS column (pkg/printers/internalversion/printers.go printPod).
import { describe, expect, it } from '@jest/globals';
import { Catalogue } from '../../src/simulator/discovery.js';
import type { JsonObject } from '../../src/simulator/json.js';
import { humanDuration, toTable, wantsTable } from '../../src/simulator/table.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [S, '1s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [8 * H, '8h'],
    [47 * H, '47h'],
    [48 * H, '2d'],
    [2 * D + H, '2d1h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [731 * D, '2y1d'],
    [8 * 365 * D, '8y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('tables', () => {
  const podType = new Catalogue().lookup('', 'v1', 'pods');
  const now = Date.parse('2024-01-01T00:10:00Z');
  const pod = (status: JsonObject, extra: JsonObject = {}): JsonObject => ({
    metadata: { name: 'p', namespace: 'ns', creationTimestamp: '2024-01-01T00:00:00Z', ...extra },
    spec: { containers: [{ name: 'c' }] },
    status,
  });
  const cells = (o: JsonObject): unknown[] =>
    (toTable(podType!, [o], '1', now).rows as JsonObject[])[0].cells as unknown[];

  it.each([
    [
      'running and ready',
      pod({
        phase: 'Running',
        containerStatuses: [{ ready: true, restartCount: 0, state: { running: {} } }],
      }),
      ['p', '1/1', 'Running', '0', '10m'],
    ],
    [
      'completed',
      pod({
        phase: 'Succeeded',
        containerStatuses: [
          {
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      }),
      ['p', '0/1', 'Completed', '0', '10m'],
    ],
    [
      'image pull back-off',
      pod({
        phase: 'Pending',
        containerStatuses: [
          { ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } },
        ],
      }),
      ['p', '0/1', 'ImagePullBackOff', '0', '10m'],
    ],
    [
      'crash loop with restarts',
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            ready: false,
            restartCount: 2,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { finishedAt: '2024-01-01T00:09:30Z' } },
          },
        ],
      }),
      ['p', '0/1', 'CrashLoopBackOff', '2 (30s ago)', '10m'],
    ],
    [
      'terminating',
      pod(
        {
          phase: 'Running',
          containerStatuses: [{ ready: true, restartCount: 0, state: { running: {} } }],
        },
        { deletionTimestamp: '2024-01-01T00:09:00Z' },
      ),
      ['p', '1/1', 'Terminating', '0', '10m'],
    ],
  ])('pod %s', (_name, o, expected) => {
    expect(cells(o).slice(0, 5)).toEqual(expected);
  });

  it.each([
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json', true],
    ['application/json', false],
    ['application/json, */*', false],
  ])('Accept %s asks for a table: %s', (accept, expected) => {
    expect(wantsTable(accept)).toBe(expected);
  });
});

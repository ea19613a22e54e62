/**
 * wait.ts's watch loop with a scripted KubeClient: a watch that ends (client-node's ~30 s
 * timeout) is reopened from the last resourceVersion, 410 Gone re-lists (style.md section 4;
 * client-node src/cache.ts doneHandler), and the injected timer drives the deadline.
 */
import { describe, expect, it } from '@jest/globals';
import {
  GoneError,
  type KubeClient,
  type KubeObject,
  type WatchQuery,
} from '../../src/kube/client.js';
import {
  WaitAbortedError,
  WaitTimeoutError,
  waitFor,
  waitForHook,
  waitUntilReady,
  type WaitTimer,
} from '../../src/kube/wait.js';
import { hookState } from '../../src/kube/readiness.js';

const ref = { apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', namespace: 'ns' };

function jobAt(
  rv: string,
  conditions: Array<{ type: string; status: string; reason?: string }> = [],
): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'ns', resourceVersion: rv },
    status: { active: 1, conditions },
  };
}

type Stream = (
  emit: (type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK', obj: KubeObject) => void,
  signal: AbortSignal,
) => void | Promise<void>;

/** A stream that stays open until the waiter closes it. */
const open: Stream = (_emit, signal) =>
  new Promise<void>((r) => signal.addEventListener('abort', () => r()));

/** A client whose lists and watch streams follow a script; records watch resume points. */
function scripted(
  lists: KubeObject[][],
  streams: Stream[],
): { client: KubeClient; calls: string[] } {
  const calls: string[] = [];
  let listN = 0;
  let watchN = 0;
  const client = {
    defaultNamespace: 'default',
    async list() {
      const items = lists[Math.min(listN, lists.length - 1)] ?? [];
      listN++;
      calls.push(`list`);
      return { items, resourceVersion: String(10 * listN) };
    },
    async watch(q: WatchQuery, onEvent: Parameters<KubeClient['watch']>[1], signal: AbortSignal) {
      calls.push(`watch@${q.resourceVersion} ${q.fieldSelector}`);
      const stream = streams[watchN++];
      if (stream === undefined) throw new Error('script exhausted');
      await stream(onEvent, signal);
    },
  } as unknown as KubeClient;
  return { client, calls };
}

describe('watch loop', () => {
  it("starts at the created object's resourceVersion without a list (issue 10), and re-lists after 410 Gone", async () => {
    const { client, calls } = scripted(
      [[jobAt('20')]],
      [
        (emit) => emit('MODIFIED', jobAt('8')),
        () => {
          throw new GoneError('too old resource version');
        },
        (emit) => emit('MODIFIED', jobAt('21', [{ type: 'Complete', status: 'True' }])),
      ],
    );
    await waitForHook(client, ref, { timeoutMs: 0, created: jobAt('7') });
    expect(calls).toEqual([
      'watch@7 metadata.name=migrate',
      'watch@8 metadata.name=migrate',
      'list',
      'watch@10 metadata.name=migrate',
    ]);
  });

  it('a created object that is already done ends the wait with no request', async () => {
    const { client, calls } = scripted([], []);
    await waitForHook(client, ref, {
      timeoutMs: 0,
      created: jobAt('7', [{ type: 'Complete', status: 'True' }]),
    });
    expect(calls).toEqual([]);
  });

  it('reopens an ended watch from the last resourceVersion and re-lists after 410 Gone', async () => {
    const { client, calls } = scripted(
      [[jobAt('5')], [jobAt('20')]],
      [
        (emit) => emit('MODIFIED', jobAt('11')),
        (emit) => emit('BOOKMARK', jobAt('12')),
        () => {
          throw new GoneError('too old resource version');
        },
        (emit) => emit('MODIFIED', jobAt('21', [{ type: 'Complete', status: 'True' }])),
      ],
    );
    await waitForHook(client, ref, { timeoutMs: 0 });
    expect(calls).toEqual([
      'list',
      'watch@10 metadata.name=migrate',
      'watch@11 metadata.name=migrate',
      'watch@12 metadata.name=migrate',
      'list',
      'watch@20 metadata.name=migrate',
    ]);
  });

  it('is done at once when the list already shows the outcome', async () => {
    const { client, calls } = scripted([[jobAt('5', [{ type: 'Complete', status: 'True' }])]], []);
    await waitFor(client, ref, hookState, { timeoutMs: 0 });
    expect(calls).toEqual(['list']);
  });

  it('times out through the injected timer, naming the object and its last state', async () => {
    const { client } = scripted([[jobAt('5')]], [open]);
    const noop = (): void => undefined;
    let fire: () => void = noop;
    // The first sleep is the deadline; any sleep ends early on abort, as the contract says.
    const timer: WaitTimer = {
      sleep: (_ms, signal) =>
        new Promise<void>((r) => {
          if (fire === noop) fire = r;
          if (signal.aborted) r();
          signal.addEventListener('abort', () => r());
        }),
    };
    const pending = waitForHook(client, ref, { timeoutMs: 60_000, timer });
    await new Promise((r) => setImmediate(r));
    fire();
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as Error).message).toBe(
      'timed out waiting for the condition: Job migrate: active 1, failed 0',
    );
  });
});

describe('never stuck (design decision 11)', () => {
  it('a list the server never answers still ends at the deadline', async () => {
    const client = {
      defaultNamespace: 'default',
      list: () => new Promise(() => undefined),
    } as unknown as KubeClient;
    const err = await waitForHook(client, ref, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as Error).message).toBe(
      'timed out waiting for the condition: Job migrate: not found yet',
    );
  });

  it('an already-aborted signal stops before any request', async () => {
    const client = {
      defaultNamespace: 'default',
      list: () => new Promise(() => undefined),
    } as unknown as KubeClient;
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      waitForHook(client, ref, { timeoutMs: 0, signal: ctl.signal }),
    ).rejects.toBeInstanceOf(WaitAbortedError);
  });
});

describe('--wait change watches (4.6, issue 10)', () => {
  it('start at the checked resourceVersion: a change between the GET and the watch wakes the waiter', async () => {
    // The Job completes right after the first GET (rv 5 → 6). A server answers a watch from
    // rv 5 with that MODIFIED event; a watch without one would open with ADDED at rv 6.
    const succeeded: KubeObject = { ...jobAt('6'), status: { succeeded: 1 } };
    let gets = 0;
    const watched: Array<string | undefined> = [];
    const client = {
      defaultNamespace: 'default',
      async get() {
        gets++;
        return gets === 1 ? jobAt('5') : succeeded;
      },
      async watch(q: WatchQuery, onEvent: Parameters<KubeClient['watch']>[1], signal: AbortSignal) {
        watched.push(q.resourceVersion);
        onEvent(q.resourceVersion === '5' ? 'MODIFIED' : 'ADDED', succeeded);
        await new Promise<void>((r) => signal.addEventListener('abort', () => r()));
      },
    } as unknown as KubeClient;
    // An interval that never ends: only the watch can bring the second check.
    const never: WaitTimer = {
      sleep: (_ms, signal) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    };
    await waitUntilReady(client, [ref], {
      timeoutMs: 0,
      intervalMs: 3_600_000,
      waitForJobs: true,
      timer: never,
    });
    expect(watched).toEqual(['5']);
    expect(gets).toBe(2);
  });
});

// The side-effect latch of a main-thread run (issue 10, src/runtime/side-effects.ts): what
// closes it, what keeps it open, and the output it holds back until then.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createNodeClient } from '../../src/kube/node-client.js';
import {
  KUBE_CLIENT_LATCH,
  RestartOnLargeStack,
  beforeUntrackedWrites,
  endProbe,
  latchWrites,
  restartable,
  sideEffect,
  startProbe,
} from '../../src/runtime/side-effects.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';

afterEach(() => endProbe(false));

/** A client whose every method resolves to its own name. */
function fakeClient() {
  const store = {
    get: async () => 'store.get',
    list: async () => 'store.list',
    create: async () => 'store.create',
    update: async () => 'store.update',
    delete: async () => 'store.delete',
  };
  return {
    defaultNamespace: 'ns',
    get: async () => 'get',
    list: async () => 'list',
    watch: async () => 'watch',
    create: async () => 'create',
    apply: async () => 'apply',
    delete: async () => 'delete',
    somethingNew: async () => 'somethingNew',
    secrets: () => store,
    configMaps: () => store,
  };
}

describe('the side-effect latch', () => {
  it('is a no-op outside a main-thread run', () => {
    expect(restartable()).toBe(false);
    sideEffect();
    expect(() => beforeUntrackedWrites('x')).not.toThrow();
  });

  it('stays open through Kubernetes reads and closes at the first write', async () => {
    startProbe();
    const kube = latchWrites(fakeClient(), KUBE_CLIENT_LATCH);
    expect(kube.defaultNamespace).toBe('ns');
    expect(await kube.get()).toBe('get');
    expect(await kube.list()).toBe('list');
    expect(await kube.watch()).toBe('watch');
    expect(await kube.secrets().get()).toBe('store.get');
    expect(await kube.configMaps().list()).toBe('store.list');
    expect(restartable()).toBe(true);
    expect(await kube.create()).toBe('create');
    expect(restartable()).toBe(false);
  });

  it.each([
    ['apply', (k: ReturnType<typeof fakeClient>) => k.apply()],
    ['delete', (k: ReturnType<typeof fakeClient>) => k.delete()],
    ['a method it does not know', (k: ReturnType<typeof fakeClient>) => k.somethingNew()],
    ['a Secret create', (k: ReturnType<typeof fakeClient>) => k.secrets().create()],
    ['a ConfigMap update', (k: ReturnType<typeof fakeClient>) => k.configMaps().update()],
    ['a Secret delete', (k: ReturnType<typeof fakeClient>) => k.secrets().delete()],
  ])('closes at %s', async (_name, call) => {
    startProbe();
    await call(latchWrites(fakeClient(), KUBE_CLIENT_LATCH));
    expect(restartable()).toBe(false);
  });

  it("names only reads and stores the real client has (src/kube's KubeClient)", () => {
    const kube = createNodeClient({ kubeconfig: buildKubeconfig({ server: 'https://x:1' }) });
    const methods = [...KUBE_CLIENT_LATCH.reads, ...KUBE_CLIENT_LATCH.stores];
    for (const m of methods)
      expect({ m, type: typeof (kube as unknown as Record<string, unknown>)[m] }).toEqual({
        m,
        type: 'function',
      });
    const store = kube.secrets('default') as unknown as Record<string, unknown>;
    for (const m of KUBE_CLIENT_LATCH.storeReads) expect(typeof store[m]).toBe('function');
  });

  it('moves a clean run to the worker before writes it cannot see, else closes', () => {
    startProbe();
    expect(() => beforeUntrackedWrites('the cache')).toThrow(RestartOnLargeStack);
    sideEffect();
    expect(() => beforeUntrackedWrites('the cache')).not.toThrow();
    expect(restartable()).toBe(false);
  });
});

describe('output held back while the latch is open', () => {
  /** Record what reaches process.stdout, from before the probe on. */
  function recordStdout(): { text: string[]; restore(): void } {
    const text: string[] = [];
    const own = Object.getOwnPropertyDescriptor(process.stdout, 'write');
    Object.defineProperty(process.stdout, 'write', {
      value: (chunk: string | Uint8Array) => {
        text.push(String(chunk));
        return true;
      },
      configurable: true,
      writable: true,
    });
    return {
      text,
      restore: () => {
        if (own) Object.defineProperty(process.stdout, 'write', own);
        else delete (process.stdout as { write?: unknown }).write;
      },
    };
  }

  it('is released in order when the latch closes, then output passes', () => {
    const rec = recordStdout();
    try {
      startProbe();
      process.stdout.write('::add-mask::a\n');
      process.stdout.write('log\n');
      expect(rec.text).toEqual([]);
      sideEffect();
      expect(rec.text).toEqual(['::add-mask::a\n', 'log\n']);
      process.stdout.write('out\n');
      expect(rec.text).toEqual(['::add-mask::a\n', 'log\n', 'out\n']);
    } finally {
      endProbe(false);
      rec.restore();
    }
  });

  it('is dropped by a restart and released at the end of a run', () => {
    const rec = recordStdout();
    try {
      startProbe();
      process.stdout.write('first run\n');
      endProbe(false);
      expect(rec.text).toEqual([]);
      startProbe();
      process.stdout.write('kept\n');
      endProbe(true);
      expect(rec.text).toEqual(['kept\n']);
    } finally {
      rec.restore();
    }
  });
});

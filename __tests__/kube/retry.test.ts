/**
 * kube/retry.ts: client-go's retry rules over a fake KubeClient (issue 9): 429/5xx with
 * Retry-After honoured, resets and timeouts retried, refused connections not, creates settled
 * by an AlreadyExists check, deletes by NotFound, every call bounded by retries and budget.
 */
import { describe, expect, it } from '@jest/globals';
import {
  AlreadyExistsError,
  ForbiddenError,
  KubeError,
  NotFoundError,
  UnreachableError,
  type CoreObjects,
  type KubeClient,
  type KubeObject,
  type WireSecret,
} from '../../src/kube/client.js';
import { retryVerdict, withRetries } from '../../src/kube/retry.js';

const cm = (name: string, labels: Record<string, string> = { a: '1' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'ns', labels },
});

const tooMany = (retryAfterSeconds?: number) =>
  new KubeError('too many requests', undefined, {
    code: 429,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
const internal = () => new KubeError('internal error', undefined, { code: 500 });
const reset = () => new UnreachableError('read ECONNRESET', 'reset');

/** A fake client whose `get`/`create`/`delete` answer from scripted outcomes. */
function scripted(outcomes: Array<Error | KubeObject | boolean>): {
  client: KubeClient;
  calls: string[];
} {
  const calls: string[] = [];
  const next = async <T>(call: string): Promise<T> => {
    calls.push(call);
    const o = outcomes.shift();
    if (o instanceof Error) throw o;
    return o as T;
  };
  const client = {
    defaultNamespace: 'ns',
    get: () => next('get'),
    create: () => next('create'),
    delete: () => next('delete'),
    apply: () => next('apply'),
    list: () => next('list'),
    isReachable: async () => true,
  } as unknown as KubeClient;
  return { client, calls };
}

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'ns' };

describe('retryVerdict', () => {
  it('retries 429 and 5xx, resets and timeouts; not refused, TLS, 4xx', () => {
    expect(retryVerdict(tooMany(2))).toEqual({ maybeDone: false, retryAfter: 2 });
    expect(retryVerdict(internal())).toEqual({ maybeDone: true });
    expect(retryVerdict(reset())).toEqual({ maybeDone: true });
    expect(retryVerdict(new UnreachableError('timed out', 'timeout'))).toEqual({ maybeDone: true });
    expect(retryVerdict(new UnreachableError('connect ECONNREFUSED', 'refused'))).toBeUndefined();
    expect(retryVerdict(new UnreachableError('x509', 'tls'))).toBeUndefined();
    expect(retryVerdict(new NotFoundError('nope', undefined, { code: 404 }))).toBeUndefined();
  });
});

describe('withRetries', () => {
  it('honours Retry-After on a 429, then succeeds', async () => {
    const { client, calls } = scripted([tooMany(3), cm('x')]);
    const r = recorder();
    const got = await withRetries(client, { sleep: r.sleep }).get(ref);
    expect(got.metadata.name).toBe('x');
    expect(calls).toEqual(['get', 'get']);
    expect(r.sleeps).toEqual([3000]);
  });

  it('backs off exponentially on 500s and resets', async () => {
    const { client } = scripted([internal(), reset(), internal(), cm('x')]);
    const r = recorder();
    await withRetries(client, { sleep: r.sleep, baseDelayMs: 100 }).get(ref);
    expect(r.sleeps).toEqual([100, 200, 400]);
  });

  it('does not retry a refused connection', async () => {
    const refused = new UnreachableError('connect ECONNREFUSED 127.0.0.1:6443', 'refused');
    const { client, calls } = scripted([refused, cm('x')]);
    await expect(withRetries(client, { sleep: recorder().sleep }).get(ref)).rejects.toBe(refused);
    expect(calls).toEqual(['get']);
  });

  it('gives up after maxRetries, saying how many attempts were made', async () => {
    const { client, calls } = scripted([internal(), internal(), internal(), internal()]);
    const err = await withRetries(client, { sleep: recorder().sleep, maxRetries: 2 })
      .get(ref)
      .catch((e: unknown) => e as KubeError);
    expect(calls).toHaveLength(3);
    expect(err).toBeInstanceOf(KubeError);
    expect(err.message).toBe('internal error (after 3 attempts)');
    expect(err.code).toBe(500);
  });

  it('stops when the budget (the command --timeout) would be exceeded', async () => {
    let now = 0;
    const { client, calls } = scripted([tooMany(10), cm('x')]);
    const err = await withRetries(client, {
      budgetMs: 5000,
      now: () => now,
      sleep: async (ms) => void (now += ms),
    })
      .get(ref)
      .catch((e: unknown) => e as Error);
    expect(calls).toEqual(['get']);
    expect(err).toBeInstanceOf(KubeError);
  });

  it('settles a create whose first attempt may have been stored: AlreadyExists of our object', async () => {
    const { client, calls } = scripted([internal(), new AlreadyExistsError('exists'), cm('x')]);
    const got = await withRetries(client, { sleep: recorder().sleep }).create(cm('x'));
    expect(got.metadata.name).toBe('x');
    expect(calls).toEqual(['create', 'create', 'get']);
  });

  it("keeps AlreadyExists when the existing object is not ours (another writer's labels)", async () => {
    const { client } = scripted([
      internal(),
      new AlreadyExistsError('exists'),
      cm('x', { a: 'other' }),
    ]);
    await expect(
      withRetries(client, { sleep: recorder().sleep }).create(cm('x')),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it('keeps AlreadyExists on a first attempt (the optimistic lock of a record create)', async () => {
    const { client, calls } = scripted([new AlreadyExistsError('exists')]);
    await expect(
      withRetries(client, { sleep: recorder().sleep }).create(cm('x')),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(calls).toEqual(['create']);
  });

  it('settles a delete whose first attempt may have been carried out: NotFound is done', async () => {
    const { client } = scripted([reset(), new NotFoundError('gone')]);
    await expect(withRetries(client, { sleep: recorder().sleep }).delete(ref)).resolves.toBe(true);
  });

  it('settles a Secret create by comparing labels and data', async () => {
    const secret: WireSecret = {
      metadata: { name: 's', labels: { owner: 'helm' } },
      data: { release: 'QQ==' },
    };
    const outcomes: Array<Error | WireSecret> = [reset(), new AlreadyExistsError('exists'), secret];
    const api = {
      create: async () => {
        const o = outcomes.shift();
        if (o instanceof Error) throw o;
        return o;
      },
      get: async () => outcomes.shift(),
    } as unknown as CoreObjects<WireSecret>;
    const client = { secrets: () => api } as unknown as KubeClient;
    const got = await withRetries(client, { sleep: recorder().sleep }).secrets('ns').create(secret);
    expect(got.data).toEqual({ release: 'QQ==' });
  });

  it('retries a watch that fails before delivering anything, not one that delivered events', async () => {
    let calls = 0;
    const events: string[] = [];
    const client = {
      watch: async (_q: unknown, onEvent: (t: string, o: KubeObject) => void) => {
        calls++;
        if (calls === 1) throw internal();
        onEvent('ADDED', cm('x'));
        throw reset();
      },
    } as unknown as KubeClient;
    const q = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'ns' };
    const err = await withRetries(client, { sleep: recorder().sleep })
      .watch(q, (t) => void events.push(t))
      .catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(events).toEqual(['ADDED']);
    expect(err).toBeInstanceOf(UnreachableError);
  });

  it('names the verb and resource of a 401', async () => {
    const unauthorized = new ForbiddenError(
      'the server has asked for the client to provide credentials',
      undefined,
      { code: 401 },
    );
    const { client } = scripted([unauthorized]);
    await expect(withRetries(client).get(ref)).rejects.toThrow(
      'Unauthorized (get ConfigMap "x" in namespace "ns"): the server has asked for the client to provide credentials',
    );
  });

  it('names the verb and resource of a 403 without a server message', async () => {
    const { client } = scripted([new ForbiddenError('', undefined, { code: 403 })]);
    await expect(withRetries(client).delete(ref)).rejects.toThrow(
      'forbidden: not allowed to delete ConfigMap "x" in namespace "ns"',
    );
  });
});

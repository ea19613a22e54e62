/**
 * The simulator under issue 9: fault injection (seeded, replayable), the first signal stops
 * `hookline simulator`, idle connections are closed, writes visit only the watches of their
 * resource and namespace, and what a real server refuses is refused (expected texts checked
 * against kube-apiserver v1.20 in /work/shared/realcluster).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { request } from 'node:http';
import { parseFaults, FaultInjector, FaultSpecError } from '../../src/simulator/faults.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { base64ErrorAt } from '../../src/simulator/strict.js';
import { Store } from '../../src/simulator/store.js';

interface Answer {
  code: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(sim: Simulator, method: string, path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}${path}`,
      { method, headers: { 'Content-Type': 'application/json', Connection: 'close' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ code: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

const message = (a: Answer): string => (JSON.parse(a.body) as { message: string }).message;

describe('strictness: what a real API server refuses', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({});
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each([
    ['not base64!', 3],
    ['YWJ', 0],
    ['YW=j', 2],
    ['YWJjZA', 4],
    ['!!!!', 0],
  ])('Secret data %j: illegal base64 data at input byte %d (400)', async (value, at) => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'b' },
      data: { a: value },
    };
    const res = await call(sim, 'POST', '/api/v1/namespaces/default/secrets', secret);
    expect(res.code).toBe(400);
    expect(message(res)).toBe(
      `Secret in version "v1" cannot be handled as a Secret: v1.Secret.Data: decode base64: illegal base64 data at input byte ${at}`,
    );
  });

  it('accepts padded base64 with line breaks, as Go does', () => {
    expect(base64ErrorAt('YWJj\nZA==')).toBeUndefined();
    expect(base64ErrorAt('')).toBeUndefined();
    expect(base64ErrorAt('YWJjZA==YQ')).toBe(8);
  });

  it('a PUT is decoded before the object is looked up (400, not 404)', async () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'absent' },
      data: { a: '!!!!' },
    };
    const res = await call(sim, 'PUT', '/api/v1/namespaces/default/secrets/absent', secret);
    expect(res.code).toBe(400);
  });

  it.each(['default', 'kube-system', 'kube-public'])(
    'namespace %s may not be deleted (403)',
    async (ns) => {
      const res = await call(sim, 'DELETE', `/api/v1/namespaces/${ns}`);
      expect(res.code).toBe(403);
      expect(message(res)).toBe(
        `namespaces "${ns}" is forbidden: this namespace may not be deleted`,
      );
      expect((await call(sim, 'GET', `/api/v1/namespaces/${ns}`)).code).toBe(200);
    },
  );

  it('creating in a missing namespace: namespaces "X" not found (404)', async () => {
    const res = await call(sim, 'POST', '/api/v1/namespaces/nope/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'x' },
    });
    expect(res.code).toBe(404);
    expect(message(res)).toBe('namespaces "nope" not found');
  });
});

describe('fault injection', () => {
  it('parses --faults specs and refuses bad ones', () => {
    expect(
      parseFaults('500=0.05,429=0.1,reset=0.03,latency=20,drop-watch=0.5,retry-after=2,seed=9'),
    ).toEqual({
      error500: 0.05,
      tooMany: 0.1,
      reset: 0.03,
      latencyMs: 20,
      dropWatch: 0.5,
      retryAfterSeconds: 2,
      seed: 9,
    });
    expect(() => parseFaults('500=2')).toThrow(FaultSpecError);
    expect(() => parseFaults('boom=1')).toThrow('unknown fault "boom"');
  });

  it('keyed draws do not depend on other requests: the same key gets the same fates', () => {
    const fates = (others: number) => {
      const f = new FaultInjector({ error500: 0.3, tooMany: 0.3, seed: 2 });
      const out: string[] = [];
      for (let i = 0; i < 20; i++) {
        for (let j = 0; j < others; j++) f.next(`GET /poll`);
        out.push(f.next('PUT /api/v1/namespaces/a/secrets/x').kind);
      }
      return out;
    };
    expect(fates(0)).toEqual(fates(3));
  });

  it('is seeded: the same seed gives the same faults', () => {
    const draw = (seed: number) => {
      const f = new FaultInjector({ error500: 0.2, tooMany: 0.2, reset: 0.2, seed });
      return Array.from({ length: 50 }, () => f.next().kind);
    };
    expect(draw(4)).toEqual(draw(4));
    expect(draw(4)).not.toEqual(draw(5));
    expect(new Set(draw(4))).toEqual(new Set(['none', 'error500', 'tooMany', 'reset']));
  });

  it('answers 429 with Retry-After, 500 InternalError, and resets connections', async () => {
    const sim = await startSimulator({ faults: { tooMany: 1, retryAfterSeconds: 7 } });
    try {
      const res = await call(sim, 'GET', '/api/v1/namespaces/default/configmaps');
      expect(res.code).toBe(429);
      expect(res.headers['retry-after']).toBe('7');
      expect(JSON.parse(res.body)).toMatchObject({
        kind: 'Status',
        reason: 'TooManyRequests',
        code: 429,
      });
      sim.faults!.paused = true;
      expect((await call(sim, 'GET', '/api/v1/namespaces/default/configmaps')).code).toBe(200);
    } finally {
      await sim.close();
    }
    const sim500 = await startSimulator({ faults: { error500: 1 } });
    try {
      const res = await call(sim500, 'GET', '/version');
      expect(res.code).toBe(500);
      expect(JSON.parse(res.body)).toMatchObject({ reason: 'InternalError' });
    } finally {
      await sim500.close();
    }
    const simReset = await startSimulator({ faults: { reset: 1 } });
    try {
      await expect(call(simReset, 'GET', '/version')).rejects.toMatchObject({ code: 'ECONNRESET' });
    } finally {
      await simReset.close();
    }
  });

  it.each([
    [3, 'after the write: the object is stored, the answer lost', 200],
    [4, 'before the write: nothing is stored', 404],
  ])('seed %d: a 500 %s', async (seed, _what, code) => {
    const sim = await startSimulator({ faults: { error500: 1, seed } });
    try {
      const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } };
      const res = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', cm);
      expect(res.code).toBe(500);
      sim.faults!.paused = true;
      expect((await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/late')).code).toBe(
        code,
      );
    } finally {
      await sim.close();
    }
  });

  it('drops watches early', async () => {
    const sim = await startSimulator({ faults: { dropWatch: 1, dropAfterMs: 10 } });
    try {
      const res = await call(sim, 'GET', '/api/v1/namespaces/default/configmaps?watch=true');
      expect(res.code).toBe(200);
      expect(sim.faults!.injected.dropWatch).toBe(1);
    } finally {
      await sim.close();
    }
  });
});

describe('connections and watches', () => {
  it('closes a connection that sends nothing', async () => {
    const sim = await startSimulator({ idleConnectionMs: 100 });
    try {
      const closed = await new Promise<boolean>((resolve) => {
        const socket = connect(sim.port, '127.0.0.1');
        socket.on('close', () => resolve(true));
        socket.on('error', () => undefined);
      });
      expect(closed).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it('a write visits only the watches of its resource and namespace', () => {
    const store = new Store();
    let calls = 0;
    const seen: string[] = [];
    for (let i = 0; i < 3000; i++)
      store.watch({
        resource: '/configmaps',
        namespace: `ns${i}`,
        filter: () => (calls++, true),
        send: () => undefined,
      });
    store.watch({ resource: '/secrets', filter: () => (calls++, true), send: () => undefined });
    store.watch({
      resource: '/configmaps',
      namespace: 'target',
      filter: () => true,
      send: (ev) => void seen.push(ev.type),
    });
    expect(store.watchCount()).toBe(3002);
    store.put('/configmaps', { metadata: { name: 'x', namespace: 'target' } }, 'ADDED');
    expect(calls).toBe(0);
    expect(seen).toEqual(['ADDED']);
  });
});

describe('hookline simulator', () => {
  it('stops on the first SIGINT', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'simulator', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('listening on')) resolve();
        });
        child.on('exit', () => reject(new Error('exited before listening')));
      });
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});

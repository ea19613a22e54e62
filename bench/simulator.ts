/**
 * Simulator figures for `npm run bench`: requests per second for create, get, list and watch
 * delivery over HTTP (keep-alive, 16 in flight), and the time from a Job's creation to its
 * `Complete` condition at speed 1 beyond the pod's own run time (target: under 50 ms).
 */
import { Agent, request } from 'node:http';
import { startSimulator } from '../src/simulator/index.js';

interface Row {
  name: string;
  value: number;
  unit: string;
}

interface Reply {
  status: number;
  body: string;
}

function client(base: string): (method: string, path: string, body?: unknown) => Promise<Reply> {
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${base}${path}`,
        {
          method,
          agent,
          headers: text
            ? {
                'Content-Type': 'application/json',
                'Content-Length': String(Buffer.byteLength(text)),
              }
            : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('error', reject);
      req.end(text);
    });
}

async function rate(
  n: number,
  inFlight: number,
  op: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) await op(next++);
    }),
  );
  return Math.round(n / ((performance.now() - started) / 1000));
}

/** Resolves with the time (ms) at which `predicate` first holds for a streamed watch frame. */
function watchUntil(
  base: string,
  path: string,
  predicate: (frame: { type: string; object: Record<string, unknown> }) => boolean,
): { ready: Promise<void>; done: Promise<number>; close: () => void } {
  let closeReq: () => void = () => undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const done = new Promise<number>((resolve, reject) => {
    const req = request(`${base}${path}`, (res) => {
      markReady();
      let buf = '';
      res.on('data', (chunk: Buffer) => {
        buf += chunk.toString('utf8');
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (
            line &&
            predicate(JSON.parse(line) as { type: string; object: Record<string, unknown> })
          )
            resolve(performance.now());
        }
      });
    });
    req.on('error', (err) => (String(err).includes('socket hang up') ? undefined : reject(err)));
    req.end();
    closeReq = () => req.destroy();
  });
  return { ready, done, close: () => closeReq() };
}

async function jobOverhead(
  base: string,
  call: ReturnType<typeof client>,
  ns: string,
  name: string,
  script: string,
  runMs: number,
): Promise<number> {
  const w = watchUntil(
    base,
    `/apis/batch/v1/namespaces/${ns}/jobs?watch=true&fieldSelector=metadata.name%3D${name}`,
    (f) => {
      const conditions =
        (f.object.status as { conditions?: Array<{ type: string; status: string }> } | undefined)
          ?.conditions ?? [];
      return conditions.some((c) => c.type === 'Complete' && c.status === 'True');
    },
  );
  await w.ready;
  const started = performance.now();
  await call('POST', `/apis/batch/v1/namespaces/${ns}/jobs`, {
    metadata: { name },
    spec: {
      backoffLimit: 0,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', script] }],
        },
      },
    },
  });
  const completed = await w.done;
  w.close();
  return completed - started - runMs;
}

export async function benchSimulator(): Promise<Row[]> {
  const sim = await startSimulator({ speed: 1 });
  const call = client(sim.url);
  const ns = 'bench';
  try {
    await call('POST', '/api/v1/namespaces', { metadata: { name: ns } });
    const cms = `/api/v1/namespaces/${ns}/configmaps`;
    const N = 2000;
    const create = await rate(N, 16, (i) =>
      call('POST', cms, {
        metadata: { name: `cm-${i}`, labels: { i: String(i % 10) } },
        data: { v: String(i) },
      }),
    );
    const get = await rate(N, 16, (i) => call('GET', `${cms}/cm-${i}`));
    const list = await rate(200, 16, () => call('GET', `${cms}?labelSelector=i%3D3`));
    const watchers = watchUntil(
      sim.url,
      `${cms}?watch=true&resourceVersion=${JSON.parse((await call('GET', `${cms}?limit=1`)).body).metadata.resourceVersion}`,
      (f) =>
        f.object.metadata !== undefined &&
        (f.object.metadata as { name: string }).name === `w-${N - 1}`,
    );
    await watchers.ready;
    const started = performance.now();
    await rate(N, 16, (i) => call('POST', cms, { metadata: { name: `w-${i}` } }));
    const watchRate = Math.round(N / (((await watchers.done) - started) / 1000));
    watchers.close();
    const instant = await jobOverhead(sim.url, call, ns, 'job-instant', 'echo hi', 0);
    const sleeping = await jobOverhead(sim.url, call, ns, 'job-sleep', 'echo hi; sleep 1', 1000);
    return [
      { name: 'simulator create (ConfigMap)', value: create, unit: 'req/s' },
      { name: 'simulator get', value: get, unit: 'req/s' },
      { name: 'simulator list (label selector, 2000 objects)', value: list, unit: 'req/s' },
      { name: 'simulator watch delivery (create → event)', value: watchRate, unit: 'events/s' },
      {
        name: 'simulator Job creation → Complete (echo, speed 1)',
        value: Math.round(instant * 10) / 10,
        unit: 'ms',
      },
      {
        name: 'simulator Job overhead beyond a 1 s pod (speed 1)',
        value: Math.round(sleeping * 10) / 10,
        unit: 'ms',
      },
    ];
  } finally {
    await sim.close();
  }
}

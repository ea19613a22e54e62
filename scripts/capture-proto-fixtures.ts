/**
 * Captures the protobuf request bodies kubectl sends for each `kubectl create` subcommand in
 * __tests__/simulator/fixtures/protobuf/cases.ts, through a recording proxy in front of the
 * simulator, into __tests__/simulator/fixtures/protobuf/NAME.bin (run once, output committed):
 *
 *   npx tsx scripts/capture-proto-fixtures.ts
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CREATE_CASES } from '../__tests__/simulator/fixtures/protobuf/cases.js';
import { startSimulator } from '../src/simulator/index.js';

const OUT = resolve(import.meta.dirname, '..', '__tests__', 'simulator', 'fixtures', 'protobuf');
const sim = await startSimulator({});
const dir = mkdtempSync(join(tmpdir(), 'hookline-proto-capture-'));
let last: Buffer | undefined;
const proxy = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.headers['content-type'] === 'application/vnd.kubernetes.protobuf') last = body;
    const up = request(
      `${sim.url}${req.url}`,
      { method: req.method, headers: req.headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 500, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.end(body);
  });
});
await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
const port = (proxy.address() as { port: number }).port;
try {
  writeFileSync(
    join(dir, 'kubeconfig'),
    sim.kubeconfig.replace(sim.url, `http://127.0.0.1:${port}`),
  );
  for (const c of CREATE_CASES) {
    last = undefined;
    const r = await promisify(execFile)('kubectl', [
      '--kubeconfig',
      join(dir, 'kubeconfig'),
      'create',
      ...c.args,
    ]);
    process.stdout.write(r.stdout);
    if (!last) throw new Error(`${c.name}: kubectl sent no protobuf body`);
    writeFileSync(join(OUT, `${c.name}.bin`), last);
  }
} finally {
  proxy.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

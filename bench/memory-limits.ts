/**
 * Peak memory on hostile or huge inputs (issue 9), each measured in a fresh process with
 * /usr/bin/time (maximum resident set size): an archive bomb (a small .tgz inflating to 2 GiB,
 * loaded until Helm's 100 MiB limit stops it), a `-f` values file over the size limit, and
 * `hookline template` of a chart producing 50 MB of output. Target: under 300 MB each.
 *
 *   npx tsx bench/memory-limits.ts            (prints a Markdown table)
 *
 * Rows for BENCHMARKS.md (bench/run.ts can import `benchMemoryLimits`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { BenchRow } from './table.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface MemoryRow {
  name: string;
  peakMb: number;
  seconds: number;
  outcome: string;
}

function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** A .tgz of Chart.yaml plus `count` files of `size` zero bytes (a few MB compressed). */
function bomb(count: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  const chart = Buffer.from('apiVersion: v2\nname: bomb\nversion: 0.1.0\n');
  const add = (name: string, data: Buffer | number) => {
    const len = typeof data === 'number' ? data : data.length;
    chunks.push(tarHeader(name, len));
    chunks.push(typeof data === 'number' ? Buffer.alloc(Math.ceil(len / 512) * 512) : data);
    if (typeof data !== 'number') chunks.push(Buffer.alloc((512 - (len % 512)) % 512));
  };
  add('bomb/Chart.yaml', chart);
  // One zero file, compressed once and repeated: gzip members concatenate into one stream.
  const members: Buffer[] = [gzipSync(Buffer.concat(chunks), { level: 9 })];
  const file = Buffer.concat([
    tarHeader('bomb/files/f', size),
    Buffer.alloc(Math.ceil(size / 512) * 512),
  ]);
  const one = gzipSync(file, { level: constants.Z_BEST_COMPRESSION });
  for (let i = 0; i < count; i++) members.push(one);
  members.push(gzipSync(Buffer.alloc(1024)));
  return Buffer.concat(members);
}

/** The CLI bundled once with esbuild (as the release bundle is), so no tsx is measured. */
function bundle(dir: string): string {
  const out = join(dir, 'cli.mjs');
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT, 'src', 'cli.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${out}`,
      '--log-level=error',
      "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  return out;
}

/** Peak RSS of `node cli.mjs ...args`, stdout discarded; the outcome is stderr's first line. */
function measure(name: string, cli: string, args: string[]): MemoryRow {
  const started = Date.now();
  const timeFile = `${cli}.time`;
  const r = spawnSync(
    'sh',
    ['-c', '/usr/bin/time -f %M -o "$0" "$@" >/dev/null', timeFile, process.execPath, cli, ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
  return {
    name,
    peakMb: Math.round(kb / 1024),
    seconds: (Date.now() - started) / 1000,
    outcome: (r.stderr.trim().split('\n')[0] || `exit ${r.status}`).slice(0, 120),
  };
}

export function memoryLimitRows(): MemoryRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-mem-'));
  try {
    const rows: MemoryRow[] = [];
    // 512 files of 4 MiB (under the 5 MiB file limit): 2 GiB inflated, ~2 MB compressed.
    const tgz = bomb(512, 4 * 1024 * 1024);
    const bombFile = join(dir, 'bomb-0.1.0.tgz');
    writeFileSync(bombFile, tgz);
    const cli = bundle(dir);
    rows.push(
      measure(`archive bomb (${(tgz.length / 1e6).toFixed(1)} MB → 2 GiB)`, cli, [
        'template',
        'bomb',
        bombFile,
      ]),
    );
    // 50 MB of output from `hookline template`.
    const chart = join(dir, 'big');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: big\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'values.yaml'), `blob: ${'x'.repeat(900)}\ncount: 50000\n`);
    writeFileSync(
      join(chart, 'templates', 'cms.yaml'),
      '{{- range $i := until (int .Values.count) }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{{ $i }}\ndata:\n  v: {{ $.Values.blob | quote }}\n{{- end }}\n',
    );
    rows.push(measure('template: 50 MB of output', cli, ['template', 'big', chart]));
    return rows;
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = memoryLimitRows();
  console.log('| input | peak RSS | time | outcome |');
  console.log('|---|---:|---:|---|');
  for (const r of rows)
    console.log(`| ${r.name} | ${r.peakMb} MB | ${r.seconds.toFixed(1)} s | ${r.outcome} |`);
}

/** The rows as `npm run bench` prints them: peak RSS, with the time and outcome as the note. */
export function benchMemoryLimits(): BenchRow[] {
  return memoryLimitRows().map((r) => ({
    name: r.name,
    value: r.peakMb,
    unit: 'MB peak RSS',
    note: `${r.seconds.toFixed(1)} s, ${r.outcome}`,
  }));
}

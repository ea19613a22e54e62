// .tgz chart archives: helm pkg/chart/loader/archive.go LoadArchiveFiles (v3.21): path safety,
// size limits, pax / GNU long names, BOM stripping; tar bytes are built here by hand.
import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { loadArchiveFiles } from '../../src/chart/archive.js';
import { loadArchive } from '../../src/chart/directory.js';
import { readTar } from '../../src/chart/tar.js';
import { checkArchiveFile } from '../../src/cli/archive-check.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Entry {
  name: string;
  body?: string | Uint8Array;
  type?: string;
  prefix?: string;
}

const enc = new TextEncoder();

function header(name: string, size: number, type: string, prefix = ''): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, off: number, len: number): void =>
    h.set(enc.encode(s).subarray(0, len), off);
  put(name, 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  put('00000000000\0', 136, 12);
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put(prefix, 345, 155);
  h.fill(32, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

function tar(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const body = typeof e.body === 'string' ? enc.encode(e.body) : (e.body ?? new Uint8Array(0));
    parts.push(header(e.name, body.length, e.type ?? '0', e.prefix));
    const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
    padded.set(body);
    parts.push(padded);
  }
  parts.push(new Uint8Array(1024));
  return Buffer.concat(parts);
}

const tgz = (entries: Entry[]): Uint8Array => gzipSync(tar(entries));
const CHART = 'apiVersion: v2\nname: demo\nversion: 1.0.0\n';

describe('loadArchiveFiles', () => {
  it('strips the top directory and skips directories', () => {
    const files = loadArchiveFiles(
      tgz([
        { name: 'demo/', type: '5' },
        { name: 'demo/Chart.yaml', body: CHART },
        { name: 'demo/templates/a.yaml', body: '\ufeffkind: A\n' },
      ]),
    );
    expect(files.map((f) => f.name)).toEqual(['Chart.yaml', 'templates/a.yaml']);
    expect(new TextDecoder().decode(files[1]?.data)).toBe('kind: A\n');
  });

  it('reads ustar prefixes, pax paths and GNU long names', () => {
    const long = `demo/templates/${'x'.repeat(120)}.yaml`;
    const pax = `${long.length + 12} path=${long}\n`;
    const paxRecord = `${pax.length + String(pax.length).length - String(long.length + 12).length}${pax.slice(String(long.length + 12).length)}`;
    const entries = readTar(
      tar([
        { name: 'a.yaml', prefix: 'demo/templates', body: 'a' },
        { name: 'PaxHeader', type: 'x', body: paxRecord },
        { name: 'short', body: 'p' },
        { name: '././@LongLink', type: 'L', body: `${long}\0` },
        { name: 'short2', body: 'g' },
      ]),
    );
    expect(entries.map((e) => e.name)).toEqual(['demo/templates/a.yaml', long, long]);
  });

  it.each([
    [[{ name: 'demo//etc/passwd', body: 'x' }], 'chart illegally contains absolute paths'],
    [[{ name: 'demo/../../evil', body: 'x' }], 'chart illegally references parent directory'],
    [
      [{ name: 'demo', body: 'x' }],
      'chart illegally contains content outside the base directory: "demo"',
    ],
    [[{ name: 'demo/c:/x', body: 'x' }], 'chart contains illegally named files'],
    [
      [{ name: 'Chart.yaml', body: CHART }],
      'chart illegally contains content outside the base directory: "Chart.yaml"',
    ],
    [[{ name: 'Chart.yaml/x', body: CHART }], 'chart yaml not in base directory'],
    [[], 'no files in chart archive'],
  ] as const)('refuses %j', (entries, message) => {
    expect(() => loadArchiveFiles(tgz([...entries]))).toThrow(message);
  });

  it('keeps link entries as empty files and never follows them (Go reports size 0)', () => {
    const files = loadArchiveFiles(
      tgz([
        { name: 'demo/Chart.yaml', body: CHART },
        { name: 'demo/link', type: '2' },
      ]),
    );
    expect(files.map((f) => [f.name, f.data.length])).toEqual([
      ['Chart.yaml', CHART.length],
      ['link', 0],
    ]);
  });

  it('enforces the per-file and total size limits', () => {
    const big = { name: 'demo/big', body: 'x'.repeat(2000) };
    expect(() => loadArchiveFiles(tgz([big]), { maxFileSize: 1000 })).toThrow(
      'decompressed chart file "demo/big" is larger than the maximum file size 1000',
    );
    expect(() => loadArchiveFiles(tgz([big, big]), { maxChartSize: 3000 })).toThrow(
      'decompressed chart is larger than the maximum file size 3000',
    );
  });

  it('an archive bomb is stopped at the chart limit without inflating it whole (issue 9)', () => {
    // 64 files of 1 MiB zeros, each under the 2 MiB file limit: 64 MiB inflated, stopped at 8 MiB.
    const zero = { name: 'demo/z', body: new Uint8Array(1024 * 1024) };
    const bomb = tgz([{ name: 'demo/Chart.yaml', body: CHART }, ...Array(64).fill(zero)]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(() =>
      loadArchiveFiles(bomb, { maxChartSize: 8 * 1024 * 1024, maxFileSize: 2 * 1024 * 1024 }),
    ).toThrow('decompressed chart is larger than the maximum file size 8388608');
  });

  it('a header declaring more than the limit fails before its data is read', () => {
    // The archive is cut right after the header: Helm fails on hd.Size, not on the EOF.
    const cut = tar([{ name: 'demo/huge', body: new Uint8Array(0) }]).slice(0, 512);
    const h = header('demo/huge', 3 * 1024 * 1024 * 1024, '0');
    expect(() => loadArchiveFiles(gzipSync(Buffer.concat([h, cut.subarray(512)])))).toThrow(
      'decompressed chart is larger than the maximum file size 104857600',
    );
  });

  it("the streaming check refuses a bomb file with Helm's message", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-bomb-'));
    try {
      const zero = { name: 'demo/z', body: new Uint8Array(1024 * 1024) };
      const file = join(dir, 'bomb.tgz');
      writeFileSync(file, tgz([{ name: 'demo/Chart.yaml', body: CHART }, ...Array(40).fill(zero)]));
      await expect(
        checkArchiveFile(file, { maxChartSize: 8 * 1024 * 1024, maxFileSize: 2 * 1024 * 1024 }),
      ).rejects.toThrow('decompressed chart is larger than the maximum file size 8388608');
      const big = join(dir, 'big.tgz');
      writeFileSync(big, tgz([{ name: 'demo/big', body: new Uint8Array(3 * 1024 * 1024) }]));
      await expect(checkArchiveFile(big, { maxFileSize: 2 * 1024 * 1024 })).rejects.toThrow(
        'decompressed chart file "demo/big" is larger than the maximum file size 2097152',
      );
      const ok = join(dir, 'ok.tgz');
      writeFileSync(ok, tgz([{ name: 'demo/Chart.yaml', body: CHART }]));
      await expect(checkArchiveFile(ok)).resolves.toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects data that is not gzip', () => {
    expect(() => loadArchiveFiles(enc.encode('not gzip'))).toThrow('gzip: invalid header');
  });

  it('loads a chart with a packaged subchart', () => {
    const sub = tgz([
      { name: 'sub/Chart.yaml', body: 'apiVersion: v2\nname: sub\nversion: 0.1.0\n' },
    ]);
    const c = loadArchive(
      tgz([
        { name: 'demo/Chart.yaml', body: CHART },
        { name: 'demo/charts/sub-0.1.0.tgz', body: sub },
      ]),
    );
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['sub']);
  });
});

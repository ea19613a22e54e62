/**
 * Chart archives (.tgz) → BufferedFile[], mirroring helm pkg/chart/loader/archive.go
 * (LoadArchiveFiles, v3.21): the first path element (the chart directory) is stripped, absolute
 * paths, `..` and drive letters are refused, sizes are capped, and a UTF-8 BOM is dropped.
 * Link entries carry no data (Go's tar reader reports size 0 for them) and are never followed.
 */
import { constants, gunzipSync } from 'node:zlib';
import { TarReader, type TarEntry, type TarHeader } from './tar.js';
import type { BufferedFile } from './types.js';
import { pathClean } from '../util/go-path.js';

/** MaxDecompressedChartSize: 100 MiB of decompressed files per chart. */
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;
/** MaxDecompressedFileSize: 5 MiB per file. */
export const MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024;

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

const DRIVE_PATH = /^[a-zA-Z]:\//;
const BOM = [0xef, 0xbb, 0xbf];

export function stripBom(data: Uint8Array): Uint8Array {
  if (data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2]) {
    return data.subarray(3);
  }
  return data;
}

export interface ArchiveLimits {
  maxChartSize?: number;
  maxFileSize?: number;
}

/** Granularity of the prefix search in `inflateBounded`. */
const INPUT_STEP = 64 * 1024;

function isTooLarge(err: unknown): boolean {
  return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
}

function gunzipCapped(tgz: Uint8Array, cap: number, partial: boolean): Uint8Array {
  return gunzipSync(tgz, {
    maxOutputLength: cap,
    ...(partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {}),
  });
}

/**
 * The inflated archive, or as much of it as fits in `cap` bytes (issue 9: an archive that
 * inflates to gigabytes is never held whole; Helm reads it through a gzip.Reader stream and
 * stops at its limits). When the whole stream does not fit, the longest compressed prefix
 * whose output fits is found (a bounded binary search, each step capped at `cap`) and its
 * output returned: enough for the tar reader to reach Helm's size error, or the end of the
 * archive when what overflows is only trailing padding.
 */
function inflateBounded(tgz: Uint8Array, cap: number): { data: Uint8Array; truncated: boolean } {
  try {
    return { data: gunzipCapped(tgz, cap, false), truncated: false };
  } catch (err) {
    if (!isTooLarge(err)) throw new ArchiveError('gzip: invalid header');
  }
  let lo = 0;
  let hi = Math.ceil(tgz.length / INPUT_STEP);
  let best: Uint8Array = new Uint8Array(0);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      best = gunzipCapped(tgz.subarray(0, mid * INPUT_STEP), cap, true);
      lo = mid;
    } catch (err) {
      if (!isTooLarge(err)) throw new ArchiveError('gzip: invalid header');
      hi = mid - 1;
    }
  }
  return { data: best, truncated: true };
}

/** An entry's name relative to the chart root, or the ArchiveError Helm gives for it. */
function chartPath(name: string): string {
  const delimiter = name.includes('\\') ? '\\' : '/';
  const parts = name.split(delimiter);
  let n = parts.slice(1).join(delimiter).split(delimiter).join('/');
  if (n.startsWith('/')) throw new ArchiveError('chart illegally contains absolute paths');
  n = pathClean(n);
  if (n === '.') {
    throw new ArchiveError(
      `chart illegally contains content outside the base directory: ${JSON.stringify(name)}`,
    );
  }
  if (n.startsWith('..')) throw new ArchiveError('chart illegally references parent directory');
  if (DRIVE_PATH.test(n)) throw new ArchiveError('chart contains illegally named files');
  if (parts[0] === 'Chart.yaml') throw new ArchiveError('chart yaml not in base directory');
  return n;
}

/** LoadArchiveFiles: gzip'd tar bytes → chart files named relative to the chart root. */
export function loadArchiveFiles(tgz: Uint8Array, limits: ArchiveLimits = {}): BufferedFile[] {
  const maxChart = limits.maxChartSize ?? MAX_DECOMPRESSED_CHART_SIZE;
  const maxFile = limits.maxFileSize ?? MAX_DECOMPRESSED_FILE_SIZE;
  if (tgz.length < 2 || tgz[0] !== 0x1f || tgz[1] !== 0x8b)
    throw new ArchiveError('gzip: invalid header');
  const files: BufferedFile[] = [];
  let remaining = maxChart;
  // Helm's checks on each header, in its order and before the entry's data is read.
  const checkHeader = (h: TarHeader): void => {
    if (h.type === '5') return;
    chartPath(h.name);
    if (h.size > remaining) {
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${maxChart}`);
    }
    if (h.size > maxFile) {
      throw new ArchiveError(
        `decompressed chart file ${JSON.stringify(h.name)} is larger than the maximum file size ${maxFile}`,
      );
    }
  };
  const take = (entry: TarEntry): void => {
    if (entry.type === '5') return;
    const n = chartPath(entry.name);
    remaining -= entry.data.length;
    if (remaining <= 0) {
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${maxChart}`);
    }
    files.push({ name: n, data: stripBom(entry.data) });
  };
  const reader = new TarReader(checkHeader);
  // The data limit plus room for tar headers and padding.
  const cap = maxChart + Math.ceil(maxChart / 8) + 8 * 1024 * 1024;
  const inflated = inflateBounded(tgz, cap);
  for (const entry of reader.feed(inflated.data)) take(entry);
  if (!reader.done && inflated.truncated) {
    // Cut off by the cap before the end of the archive: more than the limit allows.
    throw new ArchiveError(`decompressed chart is larger than the maximum file size ${maxChart}`);
  }
  reader.end();
  if (files.length === 0) throw new ArchiveError('no files in chart archive');
  return files;
}

/**
 * Chart archives (.tgz) → BufferedFile[], mirroring helm pkg/chart/loader/archive.go
 * (LoadArchiveFiles, v3.21): the first path element (the chart directory) is stripped, absolute
 * paths, `..` and drive letters are refused, sizes are capped, and a UTF-8 BOM is dropped.
 * Link entries carry no data (Go's tar reader reports size 0 for them) and are never followed.
 */
import { gunzipSync } from 'node:zlib';
import { readTar } from './tar.js';
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

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch {
    throw new ArchiveError('gzip: invalid header');
  }
}

/** LoadArchiveFiles: gzip'd tar bytes → chart files named relative to the chart root. */
export function loadArchiveFiles(tgz: Uint8Array, limits: ArchiveLimits = {}): BufferedFile[] {
  const maxChart = limits.maxChartSize ?? MAX_DECOMPRESSED_CHART_SIZE;
  const maxFile = limits.maxFileSize ?? MAX_DECOMPRESSED_FILE_SIZE;
  const files: BufferedFile[] = [];
  let remaining = maxChart;
  for (const entry of readTar(gunzip(tgz))) {
    if (entry.type === '5') continue;
    const delimiter = entry.name.includes('\\') ? '\\' : '/';
    const parts = entry.name.split(delimiter);
    let n = parts.slice(1).join(delimiter).split(delimiter).join('/');
    if (n.startsWith('/')) throw new ArchiveError('chart illegally contains absolute paths');
    n = pathClean(n);
    if (n === '.') {
      throw new ArchiveError(
        `chart illegally contains content outside the base directory: ${JSON.stringify(entry.name)}`,
      );
    }
    if (n.startsWith('..')) throw new ArchiveError('chart illegally references parent directory');
    if (DRIVE_PATH.test(n)) throw new ArchiveError('chart contains illegally named files');
    if (parts[0] === 'Chart.yaml') throw new ArchiveError('chart yaml not in base directory');
    if (entry.size > remaining) {
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${maxChart}`);
    }
    if (entry.size > maxFile) {
      throw new ArchiveError(
        `decompressed chart file ${JSON.stringify(entry.name)} is larger than the maximum file size ${maxFile}`,
      );
    }
    remaining -= entry.data.length;
    if (remaining <= 0) {
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${maxChart}`);
    }
    files.push({ name: n, data: stripBom(entry.data) });
  }
  if (files.length === 0) throw new ArchiveError('no files in chart archive');
  return files;
}

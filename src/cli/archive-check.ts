/**
 * A streaming pre-check of a chart archive file (issue 9): the archive is inflated as a stream
 * and its tar headers checked against Helm's limits (pkg/chart/loader/archive.go:
 * MaxDecompressedChartSize 100 MiB, MaxDecompressedFileSize 5 MiB) as they arrive, stopping at
 * the first violation, so an archive bomb is refused with Helm's message while memory stays at
 * a few chunks. The synchronous loader (archive.ts) then reads an archive known to be within
 * the limits.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import {
  ArchiveError,
  MAX_DECOMPRESSED_CHART_SIZE,
  MAX_DECOMPRESSED_FILE_SIZE,
  type ArchiveLimits,
} from '../chart/archive.js';
import { TarReader, type TarHeader } from '../chart/tar.js';

/** Resolves when the archive at `path` is within the limits; rejects with Helm's error. */
export async function checkArchiveFile(path: string, limits: ArchiveLimits = {}): Promise<void> {
  const maxChart = limits.maxChartSize ?? MAX_DECOMPRESSED_CHART_SIZE;
  const maxFile = limits.maxFileSize ?? MAX_DECOMPRESSED_FILE_SIZE;
  let remaining = maxChart;
  const onHeader = (h: TarHeader): void => {
    if (h.type === '5') return;
    if (h.size > remaining)
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${maxChart}`);
    if (h.size > maxFile)
      throw new ArchiveError(
        `decompressed chart file ${JSON.stringify(h.name)} is larger than the maximum file size ${maxFile}`,
      );
  };
  const reader = new TarReader(onHeader, true);
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      for (const entry of reader.feed(chunk)) {
        if (entry.type === '5') continue;
        remaining -= entry.size;
        if (remaining <= 0)
          throw new ArchiveError(
            `decompressed chart is larger than the maximum file size ${maxChart}`,
          );
      }
      if (reader.done) break;
    }
  } catch (err) {
    if (err instanceof ArchiveError || (err as Error).name === 'TarError') throw err;
    // Anything else (not gzip, truncated) is left to the loader, which reports it as Helm does.
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/**
 * `push` (helm pkg/pusher/ocipusher.go + registry.Client.Push): the ref is
 * `REMOTE/NAME:VERSION` from the archive's Chart.yaml, a `.prov` next to the archive becomes the
 * provenance layer, and the creation annotation is the archive's modification time (RFC 3339 in
 * the local zone, as Go formats it), as Helm 4 sets it (Helm 3.15 uses the time of the push), so
 * pushing the same file twice gives the same manifest digest.
 */
import type { Metadata } from '../chart/types.js';
import { buildChartArtifact, OCI_MANIFEST_MEDIA_TYPE } from './manifest.js';
import type { RegistryClient } from './client.js';
import { formatOciReference, parseOciReference, tagForVersion } from './reference.js';

/** time.Time.Format(time.RFC3339) in the process's local zone. */
export function rfc3339Local(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const zone =
    off === 0
      ? 'Z'
      : `${off > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

export interface PushResult {
  /** `host/repo/name:tag` */
  readonly ref: string;
  readonly manifestDigest: string;
  readonly chartDigest: string;
}

export async function pushChart(opts: {
  client: RegistryClient;
  archive: Uint8Array;
  metadata: Metadata;
  prov?: Uint8Array | undefined;
  /** `oci://host/path` (the chart name is appended). */
  remote: string;
  creationTime: string;
}): Promise<PushResult> {
  const base = opts.remote.replace(/^oci:\/\//, '').replace(/\/+$/, '');
  const r = parseOciReference(
    `${base}/${opts.metadata.name}:${tagForVersion(opts.metadata.version)}`,
  );
  const artifact = buildChartArtifact({
    chart: opts.archive,
    metadata: opts.metadata,
    prov: opts.prov,
    creationTime: opts.creationTime,
  });
  for (const [digest, data] of artifact.blobs) {
    await opts.client.pushBlob(r.registry, r.repository, digest, data);
  }
  await opts.client.putManifest(
    r.registry,
    r.repository,
    r.tag,
    artifact.manifest,
    OCI_MANIFEST_MEDIA_TYPE,
  );
  return {
    ref: formatOciReference(r),
    manifestDigest: artifact.manifestDescriptor.digest,
    chartDigest: artifact.chartDescriptor.digest,
  };
}

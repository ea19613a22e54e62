/**
 * The OCI artifact Helm makes of a chart (helm pkg/registry/client.go Push/processChartPull,
 * chart.go generateOCIAnnotations, constants.go): an image manifest whose config is the chart's
 * metadata as json.Marshal writes it, one chart layer, and an optional provenance layer, layers
 * sorted by digest. Built and read here without I/O.
 */
import { createHash } from 'node:crypto';
import type { Metadata } from '../chart/types.js';
import { metadataJson, writeJson } from '../release/json-encode.js';

export const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
export const CHART_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const PROV_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
export const LEGACY_CHART_LAYER_MEDIA_TYPE = 'application/tar+gzip';
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';

const ANN_TITLE = 'org.opencontainers.image.title';
const ANN_VERSION = 'org.opencontainers.image.version';
const ANN_DESCRIPTION = 'org.opencontainers.image.description';
const ANN_URL = 'org.opencontainers.image.url';
const ANN_CREATED = 'org.opencontainers.image.created';
const ANN_SOURCE = 'org.opencontainers.image.source';
const ANN_AUTHORS = 'org.opencontainers.image.authors';

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

/** A manifest that is not a Helm chart artifact. */
export class ChartManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartManifestError';
  }
}

export function sha256Digest(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function descriptorOf(mediaType: string, data: Uint8Array): Descriptor {
  return { mediaType, digest: sha256Digest(data), size: data.length };
}

/** generateOCIAnnotations: chart fields, then Chart.yaml annotations except title and version. */
export function ociAnnotations(md: Metadata, creationTime: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (k: string, v: string) => {
    if (v.trim() !== '') out.set(k, v);
  };
  add(ANN_DESCRIPTION, md.description);
  add(ANN_TITLE, md.name);
  add(ANN_VERSION, md.version);
  add(ANN_URL, md.home);
  add(ANN_CREATED, creationTime);
  if (md.sources.length > 0) add(ANN_SOURCE, md.sources[0]!);
  if (md.maintainers.length > 0) {
    const authors = md.maintainers
      .map((m) => `${m.name}${m.email !== '' ? ` (${m.email})` : ''}`)
      .join(', ');
    add(ANN_AUTHORS, authors);
  }
  for (const [k, v] of Object.entries(md.annotations)) {
    if (k === ANN_TITLE || k === ANN_VERSION) continue;
    out.set(k, v);
  }
  return out;
}

export interface ChartArtifact {
  readonly manifest: Uint8Array;
  readonly manifestDescriptor: Descriptor;
  readonly config: Uint8Array;
  readonly configDescriptor: Descriptor;
  readonly chartDescriptor: Descriptor;
  readonly provDescriptor: Descriptor | null;
  /** Every blob to upload, by digest. */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

const encoder = new TextEncoder();

/** Push's in-memory artifact: config, layers (sorted by digest) and the manifest bytes. */
export function buildChartArtifact(opts: {
  chart: Uint8Array;
  metadata: Metadata;
  prov?: Uint8Array | undefined;
  /** RFC 3339; Helm uses the current time when none is given. */
  creationTime: string;
}): ChartArtifact {
  const config = encoder.encode(writeJson(metadataJson(opts.metadata)));
  const configDescriptor = descriptorOf(CONFIG_MEDIA_TYPE, config);
  const chartDescriptor = descriptorOf(CHART_LAYER_MEDIA_TYPE, opts.chart);
  const provDescriptor = opts.prov ? descriptorOf(PROV_LAYER_MEDIA_TYPE, opts.prov) : null;
  const layers = [chartDescriptor, ...(provDescriptor ? [provDescriptor] : [])].sort((a, b) =>
    a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0,
  );
  const annotations = ociAnnotations(opts.metadata, opts.creationTime);
  const desc = (d: Descriptor) => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  const sortedAnnotations = Object.fromEntries(
    [...annotations.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const manifestObject: Record<string, unknown> = {
    schemaVersion: 2,
    config: desc(configDescriptor),
    layers: layers.map(desc),
  };
  if (annotations.size > 0) manifestObject.annotations = sortedAnnotations;
  const manifest = encoder.encode(goJson(manifestObject));
  const blobs = new Map<string, Uint8Array>([
    [configDescriptor.digest, config],
    [chartDescriptor.digest, opts.chart],
  ]);
  if (provDescriptor && opts.prov) blobs.set(provDescriptor.digest, opts.prov);
  return {
    manifest,
    manifestDescriptor: descriptorOf(OCI_MANIFEST_MEDIA_TYPE, manifest),
    config,
    configDescriptor,
    chartDescriptor,
    provDescriptor,
    blobs,
  };
}

/** JSON.stringify with json.Marshal's HTML escaping (`<`, `>`, `&`, U+2028, U+2029). */
function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export interface ChartLayers {
  readonly config: Descriptor;
  readonly chart: Descriptor | null;
  readonly prov: Descriptor | null;
  /** The chart layer used the deprecated `application/tar+gzip` media type. */
  readonly legacy: boolean;
}

function asDescriptor(v: unknown): Descriptor | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.mediaType !== 'string' || typeof o.digest !== 'string') return null;
  return {
    mediaType: o.mediaType,
    digest: o.digest,
    size: typeof o.size === 'number' ? o.size : 0,
  };
}

/** processChartPull's checks: a config of Helm's media type and a chart layer. */
export function readChartManifest(
  manifest: Uint8Array,
  opts: { withChart: boolean; withProv: boolean },
): ChartLayers {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(manifest));
  } catch (e) {
    throw new ChartManifestError(`manifest is not JSON: ${(e as Error).message}`);
  }
  const o = (parsed ?? {}) as Record<string, unknown>;
  const descriptors: Descriptor[] = [];
  const config = asDescriptor(o.config);
  if (config) descriptors.push(config);
  if (Array.isArray(o.layers)) {
    for (const l of o.layers) {
      const d = asDescriptor(l);
      if (d) descriptors.push(d);
    }
  }
  const min = 1 + (opts.withChart ? 1 : 0) + (opts.withProv ? 1 : 0);
  if (descriptors.length < min) {
    throw new ChartManifestError(
      `manifest does not contain minimum number of descriptors (${min}), descriptors found: ${descriptors.length}`,
    );
  }
  let cfg: Descriptor | null = null;
  let chart: Descriptor | null = null;
  let prov: Descriptor | null = null;
  let legacy = false;
  for (const d of descriptors) {
    if (d.mediaType === CONFIG_MEDIA_TYPE) cfg = d;
    else if (d.mediaType === CHART_LAYER_MEDIA_TYPE) chart = d;
    else if (d.mediaType === PROV_LAYER_MEDIA_TYPE) prov = d;
    else if (d.mediaType === LEGACY_CHART_LAYER_MEDIA_TYPE) {
      chart = d;
      legacy = true;
    }
  }
  if (!cfg)
    throw new ChartManifestError(`could not load config with mediatype ${CONFIG_MEDIA_TYPE}`);
  if (opts.withChart && !chart) {
    throw new ChartManifestError(
      `manifest does not contain a layer with mediatype ${CHART_LAYER_MEDIA_TYPE}`,
    );
  }
  if (opts.withProv && !prov) {
    throw new ChartManifestError(
      `manifest does not contain a layer with mediatype ${PROV_LAYER_MEDIA_TYPE}`,
    );
  }
  return { config: cfg, chart, prov, legacy };
}

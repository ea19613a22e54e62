/**
 * `.Capabilities` from the cluster (helm/helm pkg/action/action.go `getCapabilities` and
 * `GetVersionSet`, v3.15 and v4): KubeVersion is the server's /version (gitVersion, major,
 * minor as sent); APIVersions holds every group/version of discovery plus a
 * `group/version/Kind` entry per resource (subresources included, so `apps/v1/Scale` too).
 * A group/version whose resources cannot be read only warns (an orphaned APIService, Helm
 * issue #6361); any other discovery failure fails the command. Discovery runs once per
 * Configuration, i.e. once per command, after the chart's CRDs are installed, as in Helm.
 */
import type { ServerDiscovery } from '../kube/client.js';
import { DEFAULT_API_VERSIONS } from '../values/api-versions.js';
import { Capabilities, KubeVersion, defaultCapabilities } from '../values/capabilities.js';
import { asError, type Configuration } from './config.js';

export interface ClusterInfo {
  discovery: ServerDiscovery;
  capabilities: Capabilities;
}

/** Discovery failed; the message is Helm's. */
export class CapabilitiesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CapabilitiesError';
  }
}

const cache = new WeakMap<Configuration, Promise<ClusterInfo>>();

/** GetVersionSet: group/versions and `group/version/Kind`, once each, defaults when empty. */
export function versionSetOf(d: ServerDiscovery): string[] {
  if (d.groupVersions.length === 0 && d.resources.length === 0) return [...DEFAULT_API_VERSIONS];
  const seen = new Set<string>(d.groupVersions);
  for (const r of d.resources) for (const kind of r.kinds) seen.add(`${r.groupVersion}/${kind}`);
  return [...seen];
}

/** client-go's ErrGroupDiscoveryFailed text. */
export function groupDiscoveryMessage(failed: ServerDiscovery['failed']): string {
  const parts = failed.map((f) => `${f.groupVersion}: ${f.message}`).sort();
  return `unable to retrieve the complete list of server APIs: ${parts.join(', ')}`;
}

export function capabilitiesOf(d: ServerDiscovery): Capabilities {
  const kv = new KubeVersion(d.version.gitVersion, d.version.major, d.version.minor);
  return new Capabilities(kv, versionSetOf(d), defaultCapabilities().helmVersion);
}

async function load(cfg: Configuration): Promise<ClusterInfo> {
  let discovery: ServerDiscovery;
  try {
    discovery = await cfg.kube.discover();
  } catch (err) {
    throw new CapabilitiesError(
      `could not get server version from Kubernetes: ${asError(err).message}`,
      { cause: err },
    );
  }
  if (discovery.failed.length > 0) {
    const msg = groupDiscoveryMessage(discovery.failed);
    cfg.log.warn(
      `WARNING: The Kubernetes server has an orphaned API service. Server reports: ${msg}`,
    );
    cfg.log.warn('WARNING: To fix this, kubectl delete apiservice <service-name>');
  }
  return { discovery, capabilities: capabilitiesOf(discovery) };
}

/** Configuration.getCapabilities, cached per Configuration (a failure is not cached). */
export function clusterInfo(cfg: Configuration): Promise<ClusterInfo> {
  let p = cache.get(cfg);
  if (!p) {
    p = load(cfg);
    cache.set(cfg, p);
    p.catch(() => cache.delete(cfg));
  }
  return p;
}

/** Drop the cached discovery (Helm resets its discovery and REST mapper after installing CRDs). */
export function forgetClusterInfo(cfg: Configuration): void {
  cache.delete(cfg);
}

/** Whether the server's server-side apply is GA (Kubernetes 1.22 and later). */
export function serverSideApplyGA(d: ServerDiscovery): boolean {
  const major = Number.parseInt(d.version.major, 10);
  const minor = Number.parseInt(d.version.minor, 10);
  if (Number.isNaN(major) || Number.isNaN(minor)) return true;
  return major > 1 || (major === 1 && minor >= 22);
}

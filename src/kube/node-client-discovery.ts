/**
 * Discovery over raw GETs (part of the node-client edge).
 *
 * discoverServer: client-go's ServerVersion and ServerGroupsAndResources (discovery_client.go)
 * without aggregated discovery, which 1.20 servers do not have. `/api` and `/apis` answering
 * 404 or 403 count as empty (client-go's compatibility with old servers); a group/version whose
 * APIResourceList fails is reported in `failed`, as ErrGroupDiscoveryFailed does, and its
 * group/version still counts.
 *
 * ResourcePaths: the URL path of an object from its apiVersion, kind, name and namespace, as
 * client-node's KubernetesObjectApi builds it (`specUriPath` and `resource`), which hookline
 * used until issue 10 and no longer evaluates: the group/version's APIResourceList is fetched
 * once and cached (or taken from discoverServer's read of it), and fetched again when a kind is
 * not in it (a CRD established since).
 */
import type { DiscoveredResources, ServerDiscovery, ServerVersion } from './client.js';
import { KubeError, NotFoundError } from './client.js';
import { errorText } from '../util/errors.js';

type Get = (path: string) => Promise<unknown>;

interface GroupList {
  groups?: Array<{ name?: string; versions?: Array<{ groupVersion?: string }> }>;
}

function ignorable(err: unknown): boolean {
  return err instanceof NotFoundError || (err instanceof KubeError && err.status?.code === 403);
}

async function orEmpty<T>(p: Promise<unknown>, empty: T): Promise<T> {
  try {
    return ((await p) ?? empty) as T;
  } catch (err) {
    if (ignorable(err)) return empty;
    throw err;
  }
}

export interface DiscoverServerOptions {
  /**
   * Each group/version's APIResourceList as read: ResourcePaths takes them, so the objects a
   * run then reads and writes need no second GET of the same list (one discovery per run).
   */
  onResources?: (groupVersion: string, resources: ApiResource[]) => void;
}

/** A /version answer as ServerVersion (missing fields empty). */
export function serverVersionOf(body: unknown): ServerVersion {
  const v = body as Partial<ServerVersion> | undefined;
  return { gitVersion: v?.gitVersion ?? '', major: v?.major ?? '', minor: v?.minor ?? '' };
}

export async function discoverServer(
  get: Get,
  opts: DiscoverServerOptions = {},
): Promise<ServerDiscovery> {
  const version = serverVersionOf(await get('/version'));
  const core = await orEmpty<{ versions?: string[] }>(get('/api'), {});
  const named = await orEmpty<GroupList>(get('/apis'), {});
  const groupVersions = [
    ...(core.versions ?? []),
    ...(named.groups ?? []).flatMap((g) => (g.versions ?? []).map((x) => x.groupVersion ?? '')),
  ].filter((gv) => gv !== '');
  const resources: DiscoveredResources[] = [];
  const failed: ServerDiscovery['failed'] = [];
  const lists = await Promise.allSettled(
    groupVersions.map((gv) => get(gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`)),
  );
  lists.forEach((r, i) => {
    const groupVersion = groupVersions[i]!;
    if (r.status === 'rejected') {
      const message = errorText(r.reason);
      failed.push({ groupVersion, message });
      return;
    }
    const list = r.value as { resources?: ApiResource[] } | undefined;
    opts.onResources?.(groupVersion, list?.resources ?? []);
    resources.push({ groupVersion, kinds: (list?.resources ?? []).map((x) => x.kind ?? '') });
  });
  return { version, groupVersions, resources, failed };
}

/** What a resource path is for: collections (`create`, `list`) end at the plural. */
export type ResourceAction = 'create' | 'read' | 'patch' | 'delete' | 'list' | 'replace';

export interface ResourceRefFields {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

/** The APIResource fields a path needs. */
export interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

export interface ResourcePathsOptions {
  /** A GET of a path, its JSON body parsed (rejecting with the request's error). */
  get: Get;
  /** Namespace of namespaced objects that name none (the context's). */
  defaultNamespace: string;
}

/** `/api/v1` or `/apis/GROUP/VERSION`. */
export function apiVersionPath(apiVersion: string): string {
  return `/${apiVersion.includes('/') ? 'apis' : 'api'}/${apiVersion}`;
}

export class ResourcePaths {
  private readonly lists = new Map<string, ApiResource[]>();

  constructor(private readonly opts: ResourcePathsOptions) {}

  /** Take `apiVersion`'s APIResourceList read elsewhere (a discovery of the whole server). */
  remember(apiVersion: string, resources: ApiResource[]): void {
    this.lists.set(apiVersion, resources);
  }

  /** The resource serving `kind` in `apiVersion` (undefined when none does). */
  async resource(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    const cached = this.lists.get(apiVersion)?.find((r) => r.kind === kind);
    if (cached) return cached;
    let list: { resources?: ApiResource[] } | undefined;
    try {
      list = (await this.opts.get(apiVersionPath(apiVersion))) as typeof list;
    } catch (err) {
      // client-node's words, kept: a network failure without a coded cause is reported by them.
      if (err instanceof Error)
        err.message = `Failed to fetch resource metadata for ${apiVersion}/${kind}: ${err.message}`;
      throw err;
    }
    const resources = list?.resources ?? [];
    this.lists.set(apiVersion, resources);
    return resources.find((r) => r.kind === kind);
  }

  /**
   * The path of an object (or of its collection, for `create` and `list`); an unknown kind is
   * a NotFoundError (`no matches for kind`), as client-go's RESTMapper reports it.
   */
  async pathOf(ref: ResourceRefFields, action: ResourceAction): Promise<string> {
    const { apiVersion } = ref;
    const resource = await this.resource(apiVersion, ref.kind);
    if (!resource)
      throw new NotFoundError(`no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`);
    let namespace = ref.namespace;
    if (resource.namespaced && !namespace && action !== 'list')
      namespace = this.opts.defaultNamespace;
    const parts = [apiVersionPath(apiVersion)];
    if (resource.namespaced && namespace) parts.push('namespaces', encodeURIComponent(namespace));
    parts.push(resource.name);
    if (action !== 'create' && action !== 'list') {
      if (!ref.name) throw new Error('Required spec property name is not set');
      parts.push(encodeURIComponent(ref.name));
    }
    return parts.join('/').toLowerCase();
  }
}

/**
 * Discovery over raw GETs (part of the node-client edge): client-go's ServerVersion and
 * ServerGroupsAndResources (discovery_client.go) without aggregated discovery, which 1.20
 * servers do not have. `/api` and `/apis` answering 404 or 403 count as empty (client-go's
 * compatibility with old servers); a group/version whose APIResourceList fails is reported in
 * `failed`, as ErrGroupDiscoveryFailed does, and its group/version still counts.
 */
import type { DiscoveredResources, ServerDiscovery, ServerVersion } from './client.js';
import { KubeError, NotFoundError } from './client.js';

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

export async function discoverServer(get: Get): Promise<ServerDiscovery> {
  const v = (await get('/version')) as Partial<ServerVersion> | undefined;
  const version: ServerVersion = {
    gitVersion: v?.gitVersion ?? '',
    major: v?.major ?? '',
    minor: v?.minor ?? '',
  };
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
      const message = r.reason instanceof Error ? r.reason.message : String(r.reason);
      failed.push({ groupVersion, message });
      return;
    }
    const list = r.value as { resources?: Array<{ kind?: string }> } | undefined;
    resources.push({ groupVersion, kinds: (list?.resources ?? []).map((x) => x.kind ?? '') });
  });
  return { version, groupVersions, resources, failed };
}

/**
 * A release's objects on the cluster, shared by install, upgrade, rollback and uninstall
 * (helm/helm pkg/action/install.go, validate.go and pkg/kube/client.go, v3.21): building
 * objects from rendered documents, CMD-OWN metadata, the CMD-ADOPT conflict check, creating in
 * ORD-8 groups (with the apply method of design decision 8), CRDs from crds/ and
 * `--create-namespace`.
 */
import type { KubeClient, KubeObject, ResourceRef, ServerDiscovery } from '../kube/client.js';
import { AlreadyExistsError, NotFoundError, refOf } from '../kube/client.js';
import { waitUntilReady } from '../kube/wait.js';
import { splitManifests } from '../manifest/split.js';
import { CONTEXT_CANCELED, asError } from './config.js';
import type { HookLog } from './hooks.js';
import { buildObjects } from './objects.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_HELM = 'Helm';
export const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name';
export const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace';

/** Helm waits a fixed 60 s for new CRDs to be Established (install step 4). */
const CRD_ESTABLISH_MS = 60_000;

/** CMD-OWN (setMetadataVisitor): managed-by label and release annotations, forced. */
export function withOwnership(obj: KubeObject, release: string, namespace: string): KubeObject {
  const meta = obj.metadata;
  return {
    ...obj,
    metadata: {
      ...meta,
      labels: { ...meta.labels, [MANAGED_BY_LABEL]: MANAGED_BY_HELM },
      annotations: {
        ...meta.annotations,
        [RELEASE_NAME_ANNOTATION]: release,
        [RELEASE_NAMESPACE_ANNOTATION]: namespace,
      },
    },
  };
}

/** requireValue of validate.go. */
function requireValue(meta: Record<string, string>, key: string, want: string): string | null {
  if (!(key in meta))
    return `missing key ${JSON.stringify(key)}: must be set to ${JSON.stringify(want)}`;
  const actual = meta[key];
  if (actual !== want) {
    return `key ${JSON.stringify(key)} must equal ${JSON.stringify(want)}: current value is ${JSON.stringify(actual)}`;
  }
  return null;
}

/** checkOwnership: `invalid ownership metadata; label validation error: ...`, or null. */
export function ownershipProblem(
  obj: KubeObject,
  release: string,
  namespace: string,
): string | null {
  const labels = obj.metadata.labels ?? {};
  const annotations = obj.metadata.annotations ?? {};
  const problems: string[] = [];
  const label = requireValue(labels, MANAGED_BY_LABEL, MANAGED_BY_HELM);
  if (label) problems.push(`label validation error: ${label}`);
  for (const [key, want] of [
    [RELEASE_NAME_ANNOTATION, release],
    [RELEASE_NAMESPACE_ANNOTATION, namespace],
  ] as const) {
    const p = requireValue(annotations, key, want);
    if (p) problems.push(`annotation validation error: ${p}`);
  }
  return problems.length ? ['invalid ownership metadata', ...problems].join('; ') : null;
}

/** resourceString: `<Kind> "<name>" in namespace "<ns>"`. */
function resourceString(ref: ResourceRef): string {
  return `${ref.kind} ${JSON.stringify(ref.name)} in namespace ${JSON.stringify(ref.namespace ?? '')}`;
}

/**
 * existingResourceConflict (CMD-ADOPT): the objects that already exist and may be adopted;
 * the first one that exists without this release's ownership metadata throws.
 */
export async function existingResourceConflict(
  kube: KubeClient,
  objects: readonly KubeObject[],
  release: string,
  namespace: string,
): Promise<KubeObject[]> {
  const adopted: KubeObject[] = [];
  for (const obj of objects) {
    const ref = refOf(obj);
    let existing: KubeObject;
    try {
      existing = await kube.get(ref);
    } catch (err) {
      if (err instanceof NotFoundError) continue;
      throw new Error(
        `could not get information about the resource ${resourceString(ref)}: ${asError(err).message}`,
        { cause: err },
      );
    }
    const problem = ownershipProblem(existing, release, namespace);
    if (problem) {
      throw new Error(
        `${resourceString(ref)} exists and cannot be imported into the current release: ${problem}`,
      );
    }
    adopted.push(obj);
  }
  return adopted;
}

/** Consecutive objects of the same kind (batchPerform's groups, ORD-8). */
export function kindGroups<T extends { kind: string }>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.kind === item.kind) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * perform: every item is visited, a group of one kind concurrently, the next group after it;
 * errors are joined with newlines (Go's errors.Join). Stops between groups when `signal` fires.
 */
export async function performGrouped<T extends { kind: string }>(
  items: readonly T[],
  fn: (item: T) => Promise<unknown>,
  signal: AbortSignal,
): Promise<void> {
  const errors: Error[] = [];
  for (const group of kindGroups(items)) {
    if (signal.aborted) throw new Error(CONTEXT_CANCELED);
    const results = await Promise.allSettled(group.map(fn));
    for (const r of results) if (r.status === 'rejected') errors.push(asError(r.reason));
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new Error(errors.map((e) => e.message).join('\n'));
}

/**
 * Install step 15 without adopted objects (Client.Create): each object created (client-side)
 * or applied (server-side, as `helm`, conflicts not forced: Helm 4 creates so), by ORD-8 groups.
 */
export async function createAll(
  kube: KubeClient,
  objects: readonly KubeObject[],
  serverSide: boolean,
  signal: AbortSignal,
): Promise<void> {
  await performGrouped(
    objects,
    (obj) => (serverSide ? kube.apply(obj, { force: false }) : kube.create(obj)),
    signal,
  );
}

export interface CrdOptions {
  timeoutMs?: number;
  signal: AbortSignal;
  log: HookLog;
  /** The server's discovery: a kind it does not serve (a removed CRD API) fails the build. */
  discovery?: ServerDiscovery;
}

/** go-multierror's list format, which Helm 3's KubeClient.Create returns. */
export function multierrorText(errors: readonly Error[]): string {
  if (errors.length === 1) return `1 error occurred:\n\t* ${errors[0]!.message}\n\n`;
  const points = errors.map((e) => `* ${e.message}`).join('\n\t');
  return `${errors.length} errors occurred:\n\t${points}\n\n`;
}

/**
 * Install.installCRDs (step 4), one crds/ file at a time, in order: its objects are built
 * (`failed to install CRD crds/x.yaml: <err>`), then all created (KubeClient.Create: every
 * object tried, the failures as go-multierror's list; none at all is `no objects visited`). A
 * file where any object already exists
 * is skipped (never updated) and logged with its first object's name; any other failure ends
 * the install. Then a wait of up to 60 s for the new ones to be Established.
 */
export async function installCrds(
  kube: KubeClient,
  crds: ReadonlyArray<{ name: string; content: string }>,
  opts: CrdOptions,
): Promise<void> {
  const created: ResourceRef[] = [];
  for (const crd of crds) {
    const fail = (message: string, cause: unknown) =>
      new Error(`failed to install CRD ${crd.name}: ${message}`, { cause });
    let objs: KubeObject[];
    try {
      objs = buildObjects(
        splitManifests(crd.content),
        kube.defaultNamespace,
        opts.discovery ? { discovery: opts.discovery } : {},
      );
    } catch (err) {
      throw fail(asError(err).message, err);
    }
    // KubeClient.Create of nothing: kube.ErrNoObjectsVisited (an empty crds/ file).
    if (objs.length === 0) throw fail('no objects visited', undefined);
    const errors: Error[] = [];
    for (const obj of objs) {
      delete obj.metadata.namespace;
      await kube.create(obj).catch((err: unknown) => errors.push(asError(err)));
    }
    if (errors.some((e) => e instanceof AlreadyExistsError)) {
      opts.log.info(`CRD ${objs[0]!.metadata.name} is already present. Skipping.`);
      continue;
    }
    if (errors.length > 0) throw fail(multierrorText(errors), errors[0]);
    created.push(...objs.map(refOf));
  }
  if (created.length === 0) return;
  await waitUntilReady(kube, created, {
    timeoutMs: opts.timeoutMs ?? CRD_ESTABLISH_MS,
    signal: opts.signal,
  });
}

/** `--create-namespace` (step 11): Namespace with label `name: <ns>`; AlreadyExists ignored. */
export async function createNamespace(kube: KubeClient, namespace: string): Promise<void> {
  try {
    await kube.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, labels: { name: namespace } },
    });
  } catch (err) {
    if (!(err instanceof AlreadyExistsError)) throw err;
  }
}

/**
 * What the lifecycle runner asserts after each step, each check returning the problems it
 * found (empty = pass): the release records (HK/ST rules of helm-semantics.md sections 4-5),
 * the rendered objects with Helm's ownership metadata (CMD-ADOPT), the order hooks ran in
 * (ORD-5: by weight, then name) and their delete policies (HK-9), and what uninstall leaves.
 */
import { NotFoundError, refOf, type KubeClient, type KubeObject } from '../../src/kube/client.js';
import type { HookOutcome } from '../../src/lifecycle/hooks.js';
import { buildObject } from '../../src/lifecycle/objects.js';
import { RESOURCE_POLICY_ANNOTATION } from '../../src/lifecycle/uninstall-resources.js';
import { objectDocuments } from '../../src/manifest/documents.js';
import type { Hook, HookEvent } from '../../src/release/hook.js';
import type { Release } from '../../src/release/types.js';
import { ReleaseNotFoundError } from '../../src/storage/driver.js';
import type { Storage } from '../../src/storage/storage.js';

export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const RELEASE_NAME = 'meta.helm.sh/release-name';
export const RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace';

/** The objects of a release manifest, as Helm builds them (release namespace filled in). */
export function manifestObjects(manifest: string, namespace: string): KubeObject[] {
  return objectDocuments(manifest).map((d) => buildObject(d.text, namespace));
}

const label = (o: KubeObject) => `${o.kind}/${o.metadata.name}`;

/** The live object, or undefined when it does not exist. */
export async function liveObject(
  kube: KubeClient,
  obj: KubeObject,
): Promise<KubeObject | undefined> {
  try {
    return await kube.get(refOf(obj));
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

/** `[revision, status]` of every record, oldest first. */
export async function records(storage: Storage, name: string): Promise<string[]> {
  const all = await storage.history(name).catch((err: unknown) => {
    if (err instanceof ReleaseNotFoundError) return [];
    throw err;
  });
  return all.sort((a, b) => a.version - b.version).map((r) => `${r.version}:${r.info.status}`);
}

export async function checkRecords(
  storage: Storage,
  name: string,
  expected: string[],
): Promise<string[]> {
  const got = await records(storage, name);
  return JSON.stringify(got) === JSON.stringify(expected)
    ? []
    : [`records ${got.join(',') || '(none)'}, expected ${expected.join(',') || '(none)'}`];
}

function stringEntries(m: unknown): [string, string][] {
  if (m === null || typeof m !== 'object') return [];
  return Object.entries(m as Record<string, unknown>).filter(
    (e): e is [string, string] => typeof e[1] === 'string',
  );
}

/** Every object of the release exists, carries Helm's ownership and the rendered metadata. */
export async function checkObjects(kube: KubeClient, rel: Release): Promise<string[]> {
  const problems: string[] = [];
  for (const obj of manifestObjects(rel.manifest, rel.namespace)) {
    const live = await liveObject(kube, obj);
    if (!live) {
      problems.push(`${label(obj)} missing`);
      continue;
    }
    const labels = live.metadata.labels ?? {};
    const annotations = live.metadata.annotations ?? {};
    if (labels[MANAGED_BY] !== 'Helm') problems.push(`${label(obj)} lacks ${MANAGED_BY}: Helm`);
    if (annotations[RELEASE_NAME] !== rel.name)
      problems.push(`${label(obj)} has ${RELEASE_NAME}=${annotations[RELEASE_NAME]}`);
    if (annotations[RELEASE_NAMESPACE] !== rel.namespace)
      problems.push(`${label(obj)} has ${RELEASE_NAMESPACE}=${annotations[RELEASE_NAMESPACE]}`);
    for (const [k, v] of stringEntries(obj.metadata.labels))
      if (labels[k] !== v) problems.push(`${label(obj)} label ${k}=${labels[k]}, rendered ${v}`);
    for (const [k, v] of stringEntries(obj.metadata.annotations))
      if (annotations[k] !== v)
        problems.push(`${label(obj)} annotation ${k}=${annotations[k]}, rendered ${v}`);
    const tmpl = (obj as { spec?: { template?: { metadata?: { annotations?: unknown } } } }).spec
      ?.template?.metadata?.annotations;
    const liveTmpl =
      (live as { spec?: { template?: { metadata?: { annotations?: Record<string, string> } } } })
        .spec?.template?.metadata?.annotations ?? {};
    for (const [k, v] of stringEntries(tmpl))
      if (liveTmpl[k] !== v)
        problems.push(`${label(obj)} pod template annotation ${k}=${liveTmpl[k]}, rendered ${v}`);
  }
  return problems;
}

/** Helm's order for one event: the release's hooks of that event, stably by weight then name. */
export function expectedHookOrder(hooks: readonly Hook[], event: HookEvent): string[] {
  return hooks
    .filter((h) => h.events.includes(event))
    .map((h, i) => ({ h, i }))
    .sort(
      (a, b) =>
        a.h.weight - b.h.weight ||
        (a.h.name < b.h.name ? -1 : a.h.name > b.h.name ? 1 : 0) ||
        a.i - b.i,
    )
    .map(({ h }) => `${h.kind}/${h.name}`);
}

/** Hooks of `events` ran in Helm's order, succeeded, and were deleted (or kept) per policy. */
export async function checkHooks(
  kube: KubeClient,
  rel: Release,
  outcomes: readonly HookOutcome[],
  events: readonly HookEvent[],
): Promise<string[]> {
  const problems: string[] = [];
  const expected = events.flatMap((e) => expectedHookOrder(rel.hooks, e).map((n) => `${e} ${n}`));
  const ran = outcomes.map((o) => `${o.event} ${o.kind}/${o.name}`);
  if (JSON.stringify(ran) !== JSON.stringify(expected))
    problems.push(`hooks ran [${ran.join(', ')}], expected [${expected.join(', ')}]`);
  for (const o of outcomes) {
    if (o.phase !== 'Succeeded') problems.push(`hook ${o.kind}/${o.name} ${o.phase}: ${o.reason}`);
    const hook = rel.hooks.find((h) => h.kind === o.kind && h.name === o.name);
    if (!hook) continue;
    const policies = hook.delete_policies.length ? hook.delete_policies : ['before-hook-creation'];
    const deleted =
      (o.phase === 'Succeeded' && policies.includes('hook-succeeded')) ||
      (o.phase === 'Failed' && policies.includes('hook-failed'));
    const live = await liveObject(kube, buildObject(hook.manifest, rel.namespace));
    if (deleted && live) problems.push(`hook ${o.kind}/${o.name} not deleted (${policies})`);
    if (!deleted && !live) problems.push(`hook ${o.kind}/${o.name} deleted (${policies})`);
  }
  return problems;
}

/**
 * After uninstall: no record; no object of the last manifest but those with
 * `helm.sh/resource-policy: keep`, which must still exist. Deletion is asynchronous for
 * objects with finalizers, so absence is polled for up to `graceMs`.
 */
export async function checkUninstalled(
  kube: KubeClient,
  storage: Storage,
  last: Release,
  graceMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<string[]> {
  const problems = await checkRecords(storage, last.name, []);
  for (const obj of manifestObjects(last.manifest, last.namespace)) {
    const keep =
      obj.metadata.annotations?.[RESOURCE_POLICY_ANNOTATION]?.trim().toLowerCase() === 'keep';
    let live = await liveObject(kube, obj);
    for (let waited = 0; live && !keep && waited < graceMs; waited += 100) {
      await sleep(100);
      live = await liveObject(kube, obj);
    }
    if (keep && !live) problems.push(`${label(obj)} has resource-policy keep but was deleted`);
    if (!keep && live) problems.push(`${label(obj)} left after uninstall`);
  }
  return problems;
}

/**
 * `install(cfg, chart, options)`: helm install as a library call (helm/helm
 * pkg/action/install.go RunWithContext, availableName, performInstall, failRelease, v3.21.4;
 * helm-semantics.md section 4.1 steps 1-18): CRDs, rendering, the in-memory record and the
 * objects to send (prepareInstall, nothing stored), then the stored record and its objects,
 * with hookline's "never stuck" guarantee (design decision 11): once the `pending-install`
 * record is stored, every error and every abort ends with the record `failed` and a reason.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { KubeObject } from '../kube/client.js';
import { runEventHooks } from './event-hooks.js';
import type { HookEvent } from '../release/hook.js';
import { validateReleaseName } from '../release/name.js';
import {
  failInstall,
  failRender,
  markDeployed,
  markPendingInstall,
  newInstallRelease,
  withRendered,
} from '../release/records.js';
import { latest } from '../release/history.js';
import type { Release } from '../release/types.js';
import { Status, storedChart } from '../release/types.js';
import {
  CONTEXT_CANCELED,
  asError,
  resolveRun,
  type Configuration,
  type ResolvedRun,
  type RunOptions,
} from './config.js';
import { InstallError, atomicMessage } from './errors.js';
import type { HookOutcome } from './hooks.js';
import {
  createAll,
  createNamespace,
  existingResourceConflict,
  installCrds,
  withOwnership,
} from './resources.js';
import { buildReleaseObjects } from './objects.js';
import { ReleaseRenderError, renderChart } from './render-chart.js';
import { clusterInfo, forgetClusterInfo, type ClusterInfo } from './cluster-capabilities.js';
import { validationSchema } from './openapi-validation.js';
import { crdObjects, type RenderedResources } from './render.js';
import { updateResources, waitForObjects } from './update-resources.js';
import {
  ApplyMethodError,
  applyMode,
  chooseApplyMethod,
  parseServerSide,
  type ApplyMode,
  type ServerSideOption,
} from './apply-method.js';
import { uninstall } from './uninstall.js';
import {
  createRecord,
  failRelease as failReleaseTail,
  recordRelease,
  recordDeployed,
} from './record.js';
import { unreachableMessage } from '../kube/reachable.js';

export interface InstallOptions extends RunOptions {
  releaseName: string;
  /** Release namespace; default: the client's default namespace. */
  namespace?: string;
  /** User-supplied values (stored as `config`). */
  values?: GoMap;
  createNamespace?: boolean;
  replace?: boolean;
  description?: string;
  skipCrds?: boolean;
  /**
   * Render without installing. `true` or `client` (Helm 4's `--dry-run`/`--dry-run=client`)
   * renders with the built-in capabilities (plus `kubeVersion`/`apiVersions`); `server` with
   * the cluster's, as a real install does.
   */
  dryRun?: boolean | 'client' | 'server';
  /**
   * `.Capabilities.KubeVersion` / `.APIVersions` for a client dry run only: any other install
   * reads them from the cluster's discovery (Helm ignores them there, logging so).
   */
  kubeVersion?: string;
  apiVersions?: readonly string[];
  /** `--skip-schema-validation` (Helm 3.16+): values.schema.json is not checked. */
  skipSchemaValidation?: boolean;
  /**
   * `--disable-openapi-validation`: the manifest is not checked against the server's OpenAPI
   * schema (lifecycle/openapi-validation.ts); hooks still are, as in Helm.
   */
  disableOpenApiValidation?: boolean;
  /** `--post-renderer`: the manifest (not hooks) as the post-renderer returns it. */
  postRender?: (manifest: string) => string;
  /** `--server-side auto|true|false` (default auto: server-side apply where GA; decision 8). */
  serverSide?: ServerSideOption | boolean;
  /** `--force-conflicts`: server-side apply takes over fields other managers own. */
  forceConflicts?: boolean;
}

export interface InstallResult {
  release: Release;
  /** Every hook run, pre-install then post-install. */
  hookOutcomes: HookOutcome[];
  notes: string;
  /** Objects that existed with this release's ownership and were adopted (CMD-ADOPT). */
  adopted: KubeObject[];
}

/** The options with defaults applied (steps 1 and 5). */
export type ResolvedInstall = ResolvedRun<InstallOptions> & { namespace: string };

/** Install.RunWithContext. */
export async function install(
  cfg: Configuration,
  chart: Chart,
  options: InstallOptions,
): Promise<InstallResult> {
  const opts: ResolvedInstall = {
    ...resolveRun(options),
    namespace: options.namespace ?? cfg.kube.defaultNamespace,
  };
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new InstallError(unreachable, undefined);
  let option: ServerSideOption;
  try {
    option = parseServerSide(opts.serverSide);
  } catch (err) {
    throw new InstallError(asError(err).message, undefined, [], { cause: err });
  }
  await availableName(cfg, opts);
  const prepared = await prepareInstall(cfg, chart, opts);
  let mode: ApplyMode;
  try {
    const method = prepared.cluster
      ? chooseApplyMethod(option, null, prepared.cluster.discovery)
      : option === 'false'
        ? 'csa'
        : 'ssa';
    mode = applyMode(method, { forceConflicts: opts.forceConflicts ?? false });
    prepared.release = { ...prepared.release, apply_method: method };
  } catch (err) {
    if (!(err instanceof ApplyMethodError)) throw err;
    throw new InstallError(err.message, undefined, [], { cause: err });
  }
  if (opts.dryRun) {
    const rel = {
      ...prepared.release,
      info: { ...prepared.release.info, description: 'Dry run complete' },
    };
    return { release: rel, hookOutcomes: [], notes: rel.info.notes, adopted: prepared.adopted };
  }
  if (opts.createNamespace) {
    await createNamespace(cfg.kube, opts.namespace).catch((err: unknown) => {
      throw new InstallError(asError(err).message, undefined, [], { cause: err });
    });
  }
  const rel = opts.replace ? await replaceRelease(cfg, prepared.release) : prepared.release;
  if (opts.signal.aborted) throw new InstallError(CONTEXT_CANCELED, undefined);
  await createRecord(cfg, rel, { failedOf: failInstall, errorClass: InstallError });
  return performInstall(cfg, { ...prepared, release: rel }, opts, mode);
}

/** Install.availableName (step 2). */
async function availableName(cfg: Configuration, opts: ResolvedInstall): Promise<void> {
  try {
    validateReleaseName(opts.releaseName);
  } catch (err) {
    throw new InstallError(asError(err).message, undefined, [], { cause: err });
  }
  if (opts.dryRun) return;
  let last: Release | undefined;
  try {
    last = latest(await cfg.storage.history(opts.releaseName));
  } catch {
    return;
  }
  if (!last) return;
  const st = last.info.status;
  if (opts.replace && (st === Status.Uninstalled || st === Status.Failed)) return;
  throw new InstallError('cannot re-use a name that is still in use', undefined);
}

/** Install.replaceRelease (step 12): next revision; the last one superseded unless failed. */
async function replaceRelease(cfg: Configuration, rel: Release): Promise<Release> {
  let last: Release | undefined;
  try {
    last = latest(await cfg.storage.history(rel.name));
  } catch {
    return rel;
  }
  if (!last) return rel;
  const next = { ...rel, version: last.version + 1 };
  if (last.info.status === Status.Failed) return next;
  const superseded = {
    ...last,
    info: { ...last.info, status: Status.Superseded, description: 'superseded by new release' },
  };
  await recordRelease(cfg, superseded);
  return next;
}

/** Install.performInstall (steps 14-18); any error goes to failRelease. */
async function performInstall(
  cfg: Configuration,
  prepared: PreparedInstall,
  opts: ResolvedInstall,
  mode: ApplyMode,
): Promise<InstallResult> {
  const rel = prepared.release;
  const outcomes: HookOutcome[] = [];
  try {
    await hooks(cfg, rel, 'pre-install', outcomes, opts);
    await sendObjects(cfg, prepared, opts, mode);
    if (opts.wait) await waitForObjects(cfg.kube, prepared.objects, opts); // step 16
    await hooks(cfg, rel, 'post-install', outcomes, opts);
    // A signal up to the final record fails the release (Helm's context, issue 9).
    if (opts.signal.aborted) throw new Error(CONTEXT_CANCELED);
  } catch (err) {
    // Go's context: once cancelled, the reason is the context's error (decision 11).
    const cause = opts.signal.aborted ? new Error(CONTEXT_CANCELED, { cause: err }) : asError(err);
    return failRelease(cfg, rel, cause, outcomes, opts);
  }
  const done = markDeployed(rel, opts.description || 'Install complete');
  await recordDeployed(cfg, {
    errorClass: InstallError,
    pending: rel,
    deployed: done,
    outcomes: outcomes,
  });
  // A signal during the final write still fails the run, as Helm's context does (issue 9).
  if (opts.signal.aborted)
    return failRelease(cfg, rel, new Error(CONTEXT_CANCELED), outcomes, opts);
  return {
    release: done,
    hookOutcomes: outcomes,
    notes: done.info.notes,
    adopted: prepared.adopted,
  };
}

/**
 * Step 15: Client.Create of every object, or with adopted objects Client.Update(adopted,
 * objects) (which patches the adopted ones client-side, as Helm 3 does).
 */
async function sendObjects(
  cfg: Configuration,
  prepared: PreparedInstall,
  opts: ResolvedInstall,
  mode: ApplyMode,
): Promise<void> {
  if (prepared.objects.length === 0) return;
  if (prepared.adopted.length === 0) {
    await createAll(cfg.kube, prepared.objects, mode.serverSide, opts.signal);
    return;
  }
  await updateResources(cfg.kube, prepared.adopted, prepared.objects, {
    signal: opts.signal,
    log: cfg.log,
    mode,
    upgradeClientSideFieldManager: true,
  });
}

/** Steps 14 and 17: `failed pre-install: <err>` / `failed post-install: <err>` (EX-10). */
async function hooks(
  cfg: Configuration,
  rel: Release,
  event: HookEvent,
  outcomes: HookOutcome[],
  opts: ResolvedInstall,
): Promise<void> {
  const error = await runEventHooks(cfg, rel, event, opts, outcomes);
  if (error) throw new Error(`failed ${event}: ${error.message}`, { cause: error });
}

/**
 * Install.failRelease: status `failed`, `Release "<name>" failed: <err>`. Helm stores it only
 * without --atomic; hookline stores it first in both cases, so a failing atomic uninstall can
 * never leave `pending-install` behind (decision 11). With --atomic the release is then
 * uninstalled (hooks as for the install, unless cancelled: then without hooks, as they could
 * not run; keepHistory false).
 */
async function failRelease(
  cfg: Configuration,
  rel: Release,
  err: Error,
  outcomes: HookOutcome[],
  opts: ResolvedInstall,
): Promise<never> {
  return failReleaseTail(cfg, {
    errorClass: InstallError,
    pending: rel,
    failed: failInstall(rel, err),
    err,
    outcomes,
    ...(opts.atomic
      ? {
          atomic: {
            announce: 'Install failed and atomic is set, uninstalling release',
            erasesRecord: true,
            run: async () => {
              await uninstall(cfg, rel.name, {
                keepHistory: false,
                noHooks: (opts.noHooks ?? false) || opts.signal.aborted,
                timeout: opts.timeout,
              });
            },
            message: (e: Error, uerr?: Error) => atomicMessage(rel.name, e, uerr),
          },
        }
      : {}),
  });
}

export interface PreparedInstall {
  /** Status `pending-install`, "Initial install underway" (step 8). */
  release: Release;
  /** Manifest objects with CMD-OWN metadata, in InstallOrder (step 9). */
  objects: KubeObject[];
  /** The ones that already exist and are adopted (CMD-ADOPT). */
  adopted: KubeObject[];
  /** Discovery and capabilities (absent for a client dry run, which renders offline). */
  cluster: ClusterInfo | undefined;
}

const CRD_WARNING =
  'WARNING: This chart or one of its subcharts contains CRDs. Rendering may fail or contain inaccuracies.';

/** Steps 4 and 6 to 9: nothing is stored here. */
async function prepareInstall(
  cfg: Configuration,
  chart: Chart,
  opts: ResolvedInstall,
): Promise<PreparedInstall> {
  const crds = crdObjects(chart);
  if (!opts.skipCrds && crds.length > 0) {
    if (opts.dryRun) cfg.log.warn(CRD_WARNING);
    else await createCrds(cfg, crds, opts);
  }
  const base = newInstallRelease({
    name: opts.releaseName,
    namespace: opts.namespace,
    chart: storedChart(chart),
    config: opts.values ?? null,
    clock: cfg.clock,
  });
  // Read while discovery runs and the chart renders (after the CRDs, whose schemas it holds).
  const schema =
    isClientDryRun(opts.dryRun) || opts.disableOpenApiValidation
      ? undefined
      : validationSchema(cfg);
  const cluster = await capabilities(cfg, opts);
  const rendered = render(chart, base, opts, cfg, cluster);
  const release = markPendingInstall(withRendered(base, rendered));
  const validation = await schema;
  let objects: KubeObject[];
  try {
    objects = buildReleaseObjects(rendered.manifest, opts.namespace, {
      ...(cluster ? { discovery: cluster.discovery } : {}),
      ...(validation ? { validation } : {}),
    }).map((o) => withOwnership(o, opts.releaseName, opts.namespace));
  } catch (err) {
    throw new InstallError(asError(err).message, undefined, [], { cause: err });
  }
  let adopted: KubeObject[];
  try {
    adopted = await existingResourceConflict(cfg.kube, objects, opts.releaseName, opts.namespace);
  } catch (err) {
    throw new InstallError(
      `Unable to continue with install: ${asError(err).message}`,
      undefined,
      [],
      {
        cause: err,
      },
    );
  }
  return { release, objects, adopted, cluster };
}

/** Whether this install renders offline: a client dry run (`dryRun: true | 'client'`). */
export function isClientDryRun(dryRun: boolean | 'client' | 'server' | undefined): boolean {
  return dryRun === true || dryRun === 'client';
}

/** Capabilities come from the cluster after CRDs are installed (Helm's step order). */
async function capabilities(
  cfg: Configuration,
  opts: ResolvedInstall,
): Promise<ClusterInfo | undefined> {
  if (isClientDryRun(opts.dryRun)) return undefined;
  if (opts.apiVersions?.length)
    cfg.log.info('API Version list given outside of client only mode, this list will be ignored');
  try {
    return await clusterInfo(cfg);
  } catch (err) {
    throw new InstallError(asError(err).message, undefined, [], { cause: err });
  }
}

async function createCrds(
  cfg: Configuration,
  crds: ReadonlyArray<{ name: string; data: Uint8Array }>,
  opts: ResolvedInstall,
): Promise<void> {
  const files = crds.map((c) => ({ name: c.name, content: new TextDecoder().decode(c.data) }));
  try {
    // Build maps each CRD through discovery (a removed CRD API fails there, not at create).
    const { discovery } = await clusterInfo(cfg);
    await installCrds(cfg.kube, files, { signal: opts.signal, log: cfg.log, discovery });
    // The new kinds must be mapped when the manifest is built (step 4's discovery reset).
    forgetClusterInfo(cfg);
  } catch (err) {
    const message = opts.signal.aborted ? CONTEXT_CANCELED : asError(err).message;
    throw new InstallError(message, undefined, [], { cause: err });
  }
}

/** Step 6 and 7: a render failure returns the failed record without storing it. */
function render(
  chart: Chart,
  base: Release,
  opts: ResolvedInstall,
  cfg: Configuration,
  cluster: ClusterInfo | undefined,
): RenderedResources {
  try {
    return renderChart(chart, {
      releaseName: opts.releaseName,
      namespace: opts.namespace,
      ...(opts.values ? { values: opts.values } : {}),
      revision: 1,
      isUpgrade: false,
      ...(cluster
        ? { capabilities: cluster.capabilities }
        : {
            ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
            ...(opts.apiVersions ? { apiVersions: opts.apiVersions } : {}),
          }),
      ...(opts.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
      ...(opts.postRender ? { postRender: opts.postRender } : {}),
      warn: (m) => cfg.log.warn(m),
    });
  } catch (err) {
    const e = asError(err);
    if (err instanceof ReleaseRenderError) {
      throw new InstallError(e.message, failRender(base, e), [], { cause: err });
    }
    throw new InstallError(e.message, undefined, [], { cause: err });
  }
}

/**
 * The action's cluster commands (docs/design.md section 1, "The action"): connect, the dry-run
 * plan or the command's verb within the cancellation grace, and the report of the end state
 * read back from the cluster and the stored records (decision 11: a cancelled run never leaves
 * the release pending).
 */
import { createNamespace } from '../lifecycle/resources.js';
import { recoverPending } from '../lifecycle/recover.js';
import type { Release } from '../release/types.js';
import { manifestChanges } from './changes.js';
import { cacheHome } from '../kube/openapi-cache.js';
import { connectCluster, type ActionCluster } from './cluster.js';
import type { ActionDeps } from './deps.js';
import { deployedRelease, dryRun } from './dry-run.js';
import type { ActionInputs } from './inputs.js';
import type { Loaded } from './load.js';
import { coreLogger } from './logger.js';
import { maskManifests } from './mask.js';
import { endState } from './outcome.js';
import { manifestDigest } from './outputs.js';
import type { Report } from './report.js';
import { notReadyOf } from './summary-data.js';
import { buildTimeline } from './timeline.js';
import { failureOf, runVerb, type VerbResult } from './verb.js';
import { restartOnOverflow } from '../runtime/stack-overflow.js';
import { beforeUntrackedWrites } from '../runtime/side-effects.js';
import { CANCEL_GRACE_MS } from './cancel-grace.js';

export { CANCEL_GRACE_MS };

/** Resolve with the verb, or reject CANCEL_GRACE_MS after the signal fired if it has not ended. */
function withinGrace<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    const start = () => {
      timer = setTimeout(() => reject(new Error('context canceled')), CANCEL_GRACE_MS);
    };
    if (signal.aborted) start();
    else signal.addEventListener('abort', start, { once: true });
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

interface VerbEnd {
  result: VerbResult;
  error?: unknown;
  previousManifest: string;
  started: number;
}

async function historyOf(cluster: ActionCluster, name: string): Promise<Release[]> {
  return cluster.cfg.storage.history(name).catch(() => []);
}

/** The report from what the cluster and the stored releases say at the end. */
async function reportEnd(
  deps: ActionDeps,
  inputs: ActionInputs,
  cluster: ActionCluster,
  report: Report,
  v: VerbEnd,
): Promise<void> {
  const r = v.result;
  const history = await historyOf(cluster, inputs.release);
  maskManifests(deps.core, ...history.map((rel) => rel.manifest));
  const end = endState({
    command: inputs.command,
    atomic: inputs.atomic,
    ...(v.error !== undefined ? { error: v.error } : {}),
    cancelled: deps.signal.aborted,
    attempted: r.release,
    history,
  });
  const rel = r.release;
  Object.assign(report.data, {
    outcome: end.outcome,
    status: end.status,
    revision: end.revision,
    description: end.description,
    recovery: end.recovery,
    hooks: [...r.hookOutcomes],
    failedHooks: r.hookOutcomes.filter((h) => h.reason !== undefined),
    notes: r.notes,
    ...(rel?.chart?.metadata
      ? { chart: `${rel.chart.metadata.name}-${rel.chart.metadata.version}` }
      : {}),
    manifestDigest: manifestDigest(end.manifest),
    timeline: buildTimeline({
      command: inputs.command,
      label: `${inputs.command} ${inputs.release}`,
      start: v.started,
      end: Date.now(),
      failed: v.error !== undefined,
      hooks: r.hookOutcomes,
    }),
  });
  report.manifest = end.manifest;
  // What the cluster is left with: the attempted manifest, or the recovered state's.
  const next =
    end.recovery || inputs.command === 'uninstall' ? end.manifest : (rel?.manifest ?? '');
  report.data.changes = manifestChanges(v.previousManifest, next, {
    namespace: cluster.namespace,
    happened: (action, key) =>
      action === 'deleted' ? cluster.written.deleted(key) : cluster.written.wrote(key),
  }).map(({ action, object }) => ({ action, object }));
}

/**
 * A cluster command: connect, then the dry-run plan or the verb (recovering a pending record
 * first when asked), then the report from what the cluster and the stored records say.
 * `logRun` writes the step log once the report is complete.
 */
export async function runCluster(
  deps: ActionDeps,
  inputs: ActionInputs,
  loaded: Loaded,
  report: Report,
  logRun: (report: Report) => void,
): Promise<void> {
  const log = coreLogger(deps.core);
  const cacheDir = cacheHome((name) => deps.env[name]);
  const cluster: ActionCluster = connectCluster({
    kubeconfig: inputs.kubeconfig,
    context: inputs.context,
    namespace: inputs.namespace,
    clock: deps.clock,
    log,
    timeoutMs: inputs.timeoutMs,
    ...(cacheDir ? { cacheDir } : {}),
  });
  const { cfg } = cluster;
  report.data.namespace = cluster.namespace;
  if (inputs.dryRun) {
    const r = await dryRun(cfg, inputs, { namespace: cluster.namespace, ...loaded });
    maskManifests(deps.core, r.manifest, r.deployed?.manifest ?? '');
    Object.assign(report.data, {
      outcome: 'planned',
      status: 'planned',
      revision: r.deployed?.version ?? 0,
      plan: r.plan,
      changes: r.plan.changes,
      notes: r.notes,
      manifestDigest: manifestDigest(r.manifest),
    });
    report.manifest = r.manifest;
    return;
  }
  // These write before the verb renders: a run still clean on the main thread moves to the
  // large-stack worker first, so a chart too deep for the main thread's stack still gets
  // Helm's own result (src/runtime/side-effects.ts).
  if (inputs.createNamespace || inputs.recoverPending)
    beforeUntrackedWrites('the namespace or a pending release is written before rendering');
  if (inputs.createNamespace) await createNamespace(cluster.kube, cluster.namespace);
  if (inputs.recoverPending) await recoverPending(cfg, inputs.release, inputs.timeoutMs);
  const previousManifest = (await deployedRelease(cfg, inputs.release))?.manifest ?? '';
  maskManifests(deps.core, previousManifest);
  const started = Date.now();
  try {
    const result = await log.group(`hookline ${inputs.command} ${inputs.release}`, () =>
      withinGrace(
        runVerb({ cfg, namespace: cluster.namespace, inputs, ...loaded, signal: deps.signal }),
        deps.signal,
      ),
    );
    await reportEnd(deps, inputs, cluster, report, { result, previousManifest, started });
    logRun(report);
  } catch (err) {
    restartOnOverflow(err); // before the report reads and logs anything
    report.data.notReady = notReadyOf(err);
    if (deps.signal.aborted) {
      // Decision 11: a cancelled run never leaves the release pending.
      await recoverPending(
        cfg,
        inputs.release,
        -1,
        'Release failed: context canceled (workflow cancelled)',
      ).catch(() => undefined);
    }
    const result = failureOf(err);
    await reportEnd(deps, inputs, cluster, report, {
      result,
      error: err,
      previousManifest,
      started,
    });
    logRun(report);
    throw err;
  }
}

/**
 * The GitHub Action (docs/design.md section 1, "The action"): inputs → masking → cluster →
 * the command's verb (or the dry-run plan, or `template`) → outputs, job summary and PR
 * comment → setFailed with Helm's message on error. Everything external comes in `deps`.
 */
import { resolve } from 'node:path';
import { formatHookSummary } from './cli/hook-summary.js';
import { loadActionChart } from './downloader/action-chart.js';
import type { Chart } from './chart/types.js';
import type { GoMap } from './gotemplate/values.js';
import { createNamespace } from './lifecycle/resources.js';
import { connectCluster, type ActionCluster } from './action/cluster.js';
import { defaultDeps, type ActionDeps } from './action/deps.js';
import { deployedRelease, dryRun } from './action/dry-run.js';
import { Input } from './action/input-names.js';
import { InputError, parseInputs, type ActionInputs } from './action/inputs.js';
import { coreLogger } from './action/logger.js';
import { kubeconfigSecrets, secretDataValues } from './action/mask.js';
import { publish, type Report, emptyReport } from './action/report.js';
import { recoverPending } from './lifecycle/recover.js';
import { manifestChanges } from './action/changes.js';
import { annotationOf, renderTemplate, type Annotation } from './action/template.js';
import { endState } from './action/outcome.js';
import { runInfo } from './action/run-info.js';
import { buildTimeline } from './action/timeline.js';
import { writeManifestFile } from './action/manifest-file.js';
import type { Release } from './release/types.js';
import { userValues } from './action/values.js';
import { failureMessage, failureOf, runVerb, type VerbResult } from './action/verb.js';
import { tmpdir } from 'node:os';
import { manifestDigest } from './action/outputs.js';
import { notReadyOf } from './action/summary-data.js';

/** How long a cancelled verb may take to record its outcome before the summary is written. */
export const CANCEL_GRACE_MS = 4000;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const chartName = (chart: Chart | undefined): string =>
  chart ? `${chart.metadata.name}-${chart.metadata.version}` : '';

interface Loaded {
  chart: Chart | undefined;
  values: GoMap | undefined;
  chartDir: string;
}

async function load(inputs: ActionInputs, workspace: string, deps: ActionDeps): Promise<Loaded> {
  const chartDir = resolve(workspace, inputs.chart);
  const needsChart = ['install', 'upgrade', 'template'].includes(inputs.command);
  if (!needsChart) return { chart: undefined, values: undefined, chartDir };
  const chart = await loadActionChart(inputs.source, {
    workspace,
    env: (name) => deps.env[name],
    log: (m) => deps.core.info(m.trimEnd()),
  });
  return { chart, values: userValues(inputs.values, workspace), chartDir };
}

function runTemplate(deps: ActionDeps, inputs: ActionInputs, loaded: Loaded, report: Report): void {
  const r = renderTemplate(loaded.chart!, {
    release: inputs.release,
    namespace: inputs.namespace,
    values: loaded.values!,
  });
  for (const s of secretDataValues(r.manifest)) deps.core.setSecret(s);
  const file = writeManifestFile({
    dir: deps.env.RUNNER_TEMP || tmpdir(),
    release: inputs.release,
    manifest: r.manifest,
  });
  Object.assign(report.data, {
    outcome: 'rendered',
    status: 'rendered',
    notes: r.notes,
    manifestDigest: manifestDigest(r.manifest),
    template: file,
  });
  report.manifest = r.manifest;
  report.manifestPath = file.path;
}

function relativeToWorkspace(deps: ActionDeps, file: string): string {
  const ws = resolve(deps.env.GITHUB_WORKSPACE || process.cwd());
  return file.startsWith(`${ws}/`) ? file.slice(ws.length + 1) : file;
}

/** Where a render error points (file relative to the workspace, line, column), if anywhere. */
function locate(deps: ActionDeps, err: unknown, chartDir: string): Annotation | undefined {
  const at = annotationOf(err, chartDir);
  return at ? { ...at, file: relativeToWorkspace(deps, at.file) } : undefined;
}

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
async function recordEnd(
  deps: ActionDeps,
  inputs: ActionInputs,
  cluster: ActionCluster,
  report: Report,
  v: VerbEnd,
): Promise<void> {
  const r = v.result;
  const history = await historyOf(cluster, inputs.release);
  for (const rel of history) for (const s of secretDataValues(rel.manifest)) deps.core.setSecret(s);
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

/** The step log: the hook table, a failed hook's block, logs with `hook-logs: all`. */
function logRun(deps: ActionDeps, inputs: ActionInputs, report: Report): void {
  const d = report.data;
  const table = formatHookSummary(d.hooks, { allLogs: inputs.hookLogs === 'all' });
  if (table) deps.core.info(table.trimEnd());
  if (d.recovery)
    deps.core.info(
      d.recovery.action === 'rollback'
        ? `ATOMIC ROLLBACK: revision ${d.recovery.failedRevision} failed; rolled back to revision ${d.recovery.toRevision ?? '?'} (now revision ${d.recovery.revision ?? '?'}): ${d.recovery.reason}`
        : `ATOMIC UNINSTALL: the release failed and was uninstalled: ${d.recovery.reason}`,
    );
  deps.core.info(
    `${d.release}: ${d.outcome}; status ${d.status || 'none'}, revision ${d.revision || 'none'}`,
  );
}

async function runCluster(
  deps: ActionDeps,
  inputs: ActionInputs,
  loaded: Loaded,
  report: Report,
): Promise<void> {
  const log = coreLogger(deps.core);
  const cluster: ActionCluster = connectCluster({
    kubeconfig: inputs.kubeconfig,
    context: inputs.context,
    namespace: inputs.namespace,
    clock: deps.clock,
    log,
    timeoutMs: inputs.timeoutMs,
  });
  const { cfg } = cluster;
  report.data.namespace = cluster.namespace;
  if (inputs.dryRun) {
    const r = await dryRun(cfg, inputs, { namespace: cluster.namespace, ...loaded });
    for (const manifest of [r.manifest, r.deployed?.manifest ?? ''])
      for (const s of secretDataValues(manifest)) deps.core.setSecret(s);
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
  if (inputs.createNamespace) await createNamespace(cluster.kube, cluster.namespace);
  if (inputs.recoverPending) await recoverPending(cfg, inputs.release, inputs.timeoutMs);
  const previousManifest = (await deployedRelease(cfg, inputs.release))?.manifest ?? '';
  for (const s of secretDataValues(previousManifest)) deps.core.setSecret(s);
  const started = Date.now();
  try {
    const result = await log.group(`hookline ${inputs.command} ${inputs.release}`, () =>
      withinGrace(
        runVerb({ cfg, namespace: cluster.namespace, inputs, ...loaded, signal: deps.signal }),
        deps.signal,
      ),
    );
    await recordEnd(deps, inputs, cluster, report, { result, previousManifest, started });
    logRun(deps, inputs, report);
  } catch (err) {
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
    await recordEnd(deps, inputs, cluster, report, {
      result,
      error: err,
      previousManifest,
      started,
    });
    logRun(deps, inputs, report);
    throw err;
  }
}

/** The action. Resolves to the process exit code (0, or 1 after setFailed). */
export async function run(deps: ActionDeps = defaultDeps()): Promise<number> {
  // Masked at once, before anything could print it (even a bad value).
  const rawKubeconfig = deps.core.getInput(Input.kubeconfig);
  if (rawKubeconfig.trim() !== '') deps.core.setSecret(rawKubeconfig);
  const registryPassword = deps.core.getInput(Input.registryPassword);
  if (registryPassword !== '') deps.core.setSecret(registryPassword);
  let inputs: ActionInputs;
  try {
    inputs = parseInputs((name) => deps.core.getInput(name));
  } catch (err) {
    deps.core.setFailed(err instanceof InputError ? err.message : message(err));
    return 1;
  }
  for (const s of kubeconfigSecrets(inputs.kubeconfig)) deps.core.setSecret(s);
  const workspace = deps.env.GITHUB_WORKSPACE || process.cwd();
  const report = emptyReport(inputs);
  report.data.run = runInfo(deps.env, deps.github.eventPayload(), new Date());
  let failure: string | undefined;
  let at: Annotation | undefined;
  const chartDir = resolve(workspace, inputs.chart);
  try {
    const loaded = await load(inputs, workspace, deps);
    report.data.chart = chartName(loaded.chart);
    if (inputs.command === 'template') runTemplate(deps, inputs, loaded, report);
    else await runCluster(deps, inputs, loaded, report);
  } catch (err) {
    failure = failureMessage(inputs.command, err);
    at = locate(deps, err, chartDir);
    report.data.error = failure;
    if (report.data.outcome === 'succeeded')
      report.data.outcome = deps.signal.aborted ? 'cancelled' : 'failed';
  }
  await publish(deps, inputs, report);
  if (failure !== undefined) {
    // One annotation per error: at the template's file, line and column when it has one.
    deps.core.setFailed(failure, at);
    return 1;
  }
  return 0;
}

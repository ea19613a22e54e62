/**
 * The GitHub Action (docs/design.md section 1, "The action"): inputs → masking → cluster →
 * the command's verb (or the dry-run plan, or `template`) → outputs, job summary and PR
 * comment → setFailed with Helm's message on error. Everything external comes in `deps`.
 */
import { resolve } from 'node:path';
import { loadChart } from './chart/directory.js';
import type { Chart } from './chart/types.js';
import type { GoMap } from './gotemplate/values.js';
import { createNamespace } from './lifecycle/install-resources.js';
import { connectCluster, type ActionCluster } from './action/cluster.js';
import { defaultDeps, type ActionDeps } from './action/deps.js';
import { deployedRelease, dryRun } from './action/dry-run.js';
import { Input } from './action/input-names.js';
import { InputError, parseInputs, type ActionInputs } from './action/inputs.js';
import { coreLogger } from './action/logger.js';
import { kubeconfigSecrets, secretDataValues } from './action/mask.js';
import { publish, type Report, emptyReport } from './action/report.js';
import { recoverPending } from './action/recover.js';
import { manifestChanges } from './action/changes.js';
import { annotationOf, renderTemplate } from './action/template.js';
import { userValues } from './action/values.js';
import { failureMessage, failureOf, runVerb, type VerbResult } from './action/verb.js';
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

function load(inputs: ActionInputs, workspace: string): Loaded {
  const chartDir = resolve(workspace, inputs.chart);
  const needsChart = ['install', 'upgrade', 'template'].includes(inputs.command);
  if (!needsChart) return { chart: undefined, values: undefined, chartDir };
  return { chart: loadChart(chartDir), values: userValues(inputs.values, workspace), chartDir };
}

function runTemplate(deps: ActionDeps, inputs: ActionInputs, loaded: Loaded, report: Report): void {
  try {
    const r = renderTemplate(loaded.chart!, {
      release: inputs.release,
      namespace: inputs.namespace,
      values: loaded.values!,
    });
    for (const s of secretDataValues(r.manifest)) deps.core.setSecret(s);
    Object.assign(report.data, {
      status: 'rendered',
      notes: r.notes,
      manifestDigest: manifestDigest(r.manifest),
    });
    report.manifest = r.manifest;
  } catch (err) {
    const at = annotationOf(err, resolve(deps.env.GITHUB_WORKSPACE || process.cwd(), inputs.chart));
    if (at) deps.core.error(message(err), { ...at, file: relativeToWorkspace(deps, at.file) });
    throw err;
  }
}

function relativeToWorkspace(deps: ActionDeps, file: string): string {
  const ws = resolve(deps.env.GITHUB_WORKSPACE || process.cwd());
  return file.startsWith(`${ws}/`) ? file.slice(ws.length + 1) : file;
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

function recordVerb(report: Report, r: VerbResult, previousManifest: string): void {
  const rel = r.release;
  Object.assign(report.data, {
    hooks: [...r.hookOutcomes],
    failedHooks: r.hookOutcomes.filter((h) => h.reason !== undefined),
    notes: r.notes,
  });
  if (!rel) return;
  Object.assign(report.data, {
    status: rel.info.status,
    revision: rel.version,
    namespace: rel.namespace,
    chart: rel.chart?.metadata
      ? `${rel.chart.metadata.name}-${rel.chart.metadata.version}`
      : report.data.chart,
    manifestDigest: manifestDigest(rel.manifest),
  });
  report.manifest = rel.manifest;
  const after = report.data.command === 'uninstall' ? '' : rel.manifest;
  report.data.changes = manifestChanges(previousManifest, after).map(({ action, object }) => ({
    action,
    object,
  }));
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
    for (const s of secretDataValues(r.manifest)) deps.core.setSecret(s);
    Object.assign(report.data, {
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
  const previous = (await deployedRelease(cfg, inputs.release))?.manifest ?? '';
  try {
    const r = await log.group(`hookline ${inputs.command} ${inputs.release}`, () =>
      withinGrace(
        runVerb({ cfg, namespace: cluster.namespace, inputs, ...loaded, signal: deps.signal }),
        deps.signal,
      ),
    );
    for (const s of secretDataValues(r.release?.manifest ?? '')) deps.core.setSecret(s);
    recordVerb(report, r, previous);
  } catch (err) {
    const failed = failureOf(err);
    for (const s of secretDataValues(failed.release?.manifest ?? '')) deps.core.setSecret(s);
    recordVerb(report, failed, previous);
    report.data.notReady = notReadyOf(err);
    if (deps.signal.aborted) {
      // Decision 11: a cancelled run never leaves the release pending.
      const marked = await recoverPending(
        cfg,
        inputs.release,
        -1,
        'Release failed: context canceled (workflow cancelled)',
      ).catch(() => undefined);
      if (marked)
        Object.assign(report.data, { status: marked.info.status, revision: marked.version });
    }
    throw err;
  }
}

/** The action. Resolves to the process exit code (0, or 1 after setFailed). */
export async function run(deps: ActionDeps = defaultDeps()): Promise<number> {
  // Masked at once, before anything could print it (even a bad value).
  const rawKubeconfig = deps.core.getInput(Input.kubeconfig);
  if (rawKubeconfig.trim() !== '') deps.core.setSecret(rawKubeconfig);
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
  let failure: string | undefined;
  try {
    const loaded = load(inputs, workspace);
    report.data.chart = chartName(loaded.chart);
    if (inputs.command === 'template') runTemplate(deps, inputs, loaded, report);
    else await runCluster(deps, inputs, loaded, report);
  } catch (err) {
    failure = failureMessage(inputs.command, err);
    report.data.error = failure;
    if (report.data.status === '') report.data.status = 'failed';
  }
  await publish(deps, inputs, report);
  if (failure !== undefined) {
    deps.core.setFailed(failure);
    return 1;
  }
  return 0;
}

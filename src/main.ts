/**
 * The GitHub Action (docs/design.md section 1, "The action"), a composition of its steps:
 * inputs (masked at once) → chart and values → the cluster command's verb, the dry-run plan or
 * `template` → outputs, job summary and PR comment → setFailed with Helm's message on error.
 * Everything external comes in `deps`. Each step's module is imported when the step runs; in
 * dist/action.cjs those imports are static (scripts/build.mjs, issue 10), where a module's
 * evaluation costs only its declarations.
 */
import { resolve } from 'node:path';
import { formatHookSummary } from './cli/hook-summary.js';
import { defaultDeps, type ActionDeps } from './action/deps.js';
import { InputError, parseInputs, type ActionInputs } from './action/inputs.js';
import { chartName, load } from './action/load.js';
import { maskInputs, maskKubeconfig } from './action/mask.js';
import { publish, type Report, emptyReport } from './action/report.js';
import { runInfo } from './action/run-info.js';
import type { Annotation } from './action/deps.js';
import { errorText } from './util/errors.js';
import { restartOnOverflow } from './runtime/stack-overflow.js';

export { CANCEL_GRACE_MS } from './action/cancel-grace.js';

function relativeToWorkspace(deps: ActionDeps, file: string): string {
  const ws = resolve(deps.env.GITHUB_WORKSPACE || process.cwd());
  return file.startsWith(`${ws}/`) ? file.slice(ws.length + 1) : file;
}

/** Where a render error points (file relative to the workspace, line, column), if anywhere. */
async function locate(
  deps: ActionDeps,
  err: unknown,
  chartDir: string,
): Promise<Annotation | undefined> {
  const { annotationOf } = await import('./action/template.js');
  const at = annotationOf(err, chartDir);
  return at ? { ...at, file: relativeToWorkspace(deps, at.file) } : undefined;
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

/** The action. Resolves to the process exit code (0, or 1 after setFailed). */
export async function run(deps: ActionDeps = defaultDeps()): Promise<number> {
  maskInputs(deps.core);
  let inputs: ActionInputs;
  try {
    inputs = parseInputs((name) => deps.core.getInput(name));
  } catch (err) {
    deps.core.setFailed(err instanceof InputError ? err.message : errorText(err));
    return 1;
  }
  maskKubeconfig(deps.core, inputs.kubeconfig);
  const workspace = deps.env.GITHUB_WORKSPACE || process.cwd();
  const report = emptyReport(inputs);
  report.data.run = runInfo(deps.env, deps.github.eventPayload(), new Date());
  let failure: string | undefined;
  let at: Annotation | undefined;
  const chartDir = resolve(workspace, inputs.chart);
  try {
    const loaded = await load(inputs, workspace, deps);
    report.data.chart = chartName(loaded.chart);
    if (inputs.command === 'template')
      (await import('./action/template.js')).runTemplate(deps, inputs, loaded, report);
    else
      await (
        await import('./action/run-cluster.js')
      ).runCluster(deps, inputs, loaded, report, (r) => logRun(deps, inputs, r));
  } catch (err) {
    // On the main thread, before anything was written: a stack overflow (or a restart asked
    // for) runs the action again on the large-stack worker (src/runtime/large-stack.ts).
    restartOnOverflow(err);
    failure = (await import('./action/verb.js')).failureMessage(inputs.command, err);
    at = await locate(deps, err, chartDir);
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

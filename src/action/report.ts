/**
 * What a run reports and where: the outputs, the job summary (only when GITHUB_STEP_SUMMARY is
 * set and `summary` is on) and the PR comment (`pr-comment` on pull_request events).
 */
import type { ActionDeps } from './deps.js';
import type { ActionInputs } from './inputs.js';
import { actionOutputs } from './outputs.js';
import { commentBody, pullRequestOf, upsertComment } from './pr-comment.js';
import type { SummaryData } from './summary-data.js';
import { errorText } from '../util/errors.js';

export interface Report {
  data: SummaryData;
  /** The release manifest (the rendered one for template and dry-run). */
  manifest: string;
  /** `template`: the file the manifest was written to. */
  manifestPath: string;
}

export function emptyReport(inputs: ActionInputs): Report {
  return {
    data: {
      release: inputs.release,
      namespace: inputs.namespace || 'default',
      chart: '',
      command: inputs.command,
      outcome: 'succeeded',
      status: '',
      revision: 0,
      description: '',
      recovery: null,
      dryRun: inputs.dryRun,
      manifestDigest: '',
      notes: '',
      error: '',
      hooks: [],
      failedHooks: [],
      notReady: [],
      changes: [],
      plan: null,
      run: null,
      timeline: [],
      template: null,
      allHookLogs: inputs.hookLogs === 'all',
    },
    manifest: '',
    manifestPath: '',
  };
}

async function comment(
  deps: ActionDeps,
  inputs: ActionInputs,
  report: Report,
  summary: string,
): Promise<void> {
  const pr = pullRequestOf(
    deps.env.GITHUB_EVENT_NAME ?? '',
    deps.env.GITHUB_REPOSITORY ?? '',
    deps.github.eventPayload(),
  );
  if (!pr) {
    deps.core.info('pr-comment: not a pull_request event, no comment');
    return;
  }
  const target = { namespace: report.data.namespace, release: report.data.release };
  const how = await upsertComment(
    deps.github.client(inputs.githubToken),
    pr,
    target,
    commentBody(report.data, summary),
  );
  deps.core.info(`pr-comment: ${how} the comment on #${pr.number}`);
}

/** Outputs, summary and PR comment; a failing summary or comment is a warning, not a failure. */
export async function publish(
  deps: ActionDeps,
  inputs: ActionInputs,
  report: Report,
): Promise<void> {
  const d = report.data;
  const outputs = actionOutputs({
    ...d,
    manifest: report.manifest,
    manifestPath: report.manifestPath,
  });
  for (const [name, value] of Object.entries(outputs)) deps.core.setOutput(name, value);
  // Handlebars is imported here, at the end of a run, not before its first request (issue 10).
  const { renderSummary } = await import('./summary.js');
  const summary = renderSummary(d, inputs.summaryTemplate);
  try {
    if (inputs.summary && deps.env.GITHUB_STEP_SUMMARY) await deps.core.writeSummary(summary);
    if (inputs.prComment) await comment(deps, inputs, report, summary);
  } catch (err) {
    deps.core.warning(`could not publish the summary: ${errorText(err)}`);
  }
}

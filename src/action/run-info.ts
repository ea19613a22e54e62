/**
 * Which run a report describes: the workflow run's link (GITHUB_SERVER_URL/GITHUB_REPOSITORY/
 * actions/runs/GITHUB_RUN_ID), the commit (a pull request's head, else GITHUB_SHA) and the
 * time, so a reviewer can tell which push a PR comment is about. Pure.
 */
import type { RunInfo } from './summary-data.js';

export function runInfo(
  env: Readonly<Record<string, string | undefined>>,
  payload: unknown,
  now: Date,
): RunInfo {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  const url =
    repo && /^\d+$/.test(runId)
      ? `${server}/${repo}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}`
      : '';
  const head = (payload as { pull_request?: { head?: { sha?: unknown } } } | null)?.pull_request
    ?.head?.sha;
  const commit = typeof head === 'string' && head !== '' ? head : (env.GITHUB_SHA ?? '');
  const time = `${now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
  return { url, runId, commit, time };
}

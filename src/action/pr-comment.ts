/**
 * One PR comment per release, found by a hidden marker and updated in place (upsert), through
 * an injected client (the real one wraps @actions/github's getOctokit in main). The body names
 * the run (a link), the commit and the time above the summary, and says it is edited in place.
 */
import { code, inline } from './markdown.js';
import type { SummaryData } from './summary-data.js';
export interface IssueComment {
  id: number;
  body: string;
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export interface CommentClient {
  listComments(pr: PullRequestRef): Promise<IssueComment[]>;
  createComment(pr: PullRequestRef, body: string): Promise<void>;
  updateComment(pr: PullRequestRef, id: number, body: string): Promise<void>;
}

export function commentMarker(namespace: string, release: string): string {
  return `<!-- hookline:${namespace}/${release} -->`;
}

/** The comment text: which run, commit and time it describes, then the summary. */
export function commentBody(data: SummaryData, summary: string): string {
  const r = data.run;
  if (!r) return summary;
  const run = r.url ? `[workflow run ${inline(r.runId)}](${r.url})` : 'a local run';
  const commit = r.commit ? ` for commit ${code(r.commit.slice(0, 12))}` : '';
  return `<sub>Updated by ${run}${commit} at ${inline(r.time)}; this comment is edited in place on each run.</sub>\n\n${summary}`;
}

/** Create the release's comment, or edit the one carrying its marker. */
export async function upsertComment(
  client: CommentClient,
  pr: PullRequestRef,
  target: { namespace: string; release: string },
  summary: string,
): Promise<'created' | 'updated'> {
  const marker = commentMarker(target.namespace, target.release);
  const body = `${marker}\n${summary}`;
  const existing = (await client.listComments(pr)).find((c) => c.body.includes(marker));
  if (existing) {
    await client.updateComment(pr, existing.id, body);
    return 'updated';
  }
  await client.createComment(pr, body);
  return 'created';
}

/** The pull request of a `pull_request`/`pull_request_target` event payload, if any. */
export function pullRequestOf(
  eventName: string,
  repository: string,
  payload: unknown,
): PullRequestRef | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const [owner, repo] = repository.split('/');
  const pr = (payload as { pull_request?: { number?: unknown } } | null)?.pull_request;
  if (!owner || !repo || typeof pr?.number !== 'number') return undefined;
  return { owner, repo, number: pr.number };
}

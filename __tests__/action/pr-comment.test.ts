/** One PR comment per release, found by its hidden marker and edited in place. */
import { describe, expect, it } from '@jest/globals';
import {
  commentMarker,
  pullRequestOf,
  upsertComment,
  type CommentClient,
  type IssueComment,
} from '../../src/action/pr-comment.js';

function memoryClient(comments: IssueComment[]): CommentClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    listComments: async () => comments,
    createComment: async (_pr, body) => {
      calls.push('create');
      comments.push({ id: comments.length + 100, body });
    },
    updateComment: async (_pr, id, body) => {
      calls.push(`update ${id}`);
      comments.find((c) => c.id === id)!.body = body;
    },
  };
}

const pr = { owner: 'acme', repo: 'app', number: 5 };

describe('upsertComment', () => {
  it('creates the comment once, then edits the one with the marker', async () => {
    const comments: IssueComment[] = [{ id: 1, body: `${commentMarker('prod', 'other')}\nx` }];
    const client = memoryClient(comments);
    const target = { namespace: 'prod', release: 'app' };
    expect(await upsertComment(client, pr, target, 'first')).toBe('created');
    expect(await upsertComment(client, pr, target, 'second')).toBe('updated');
    expect(client.calls).toEqual(['create', 'update 101']);
    expect(comments.map((c) => c.body)).toEqual([
      `${commentMarker('prod', 'other')}\nx`,
      '<!-- hookline:prod/app -->\nsecond',
    ]);
  });
});

describe('pullRequestOf', () => {
  it.each([
    ['pull_request', 'acme/app', { pull_request: { number: 5 } }, pr],
    ['pull_request_target', 'acme/app', { pull_request: { number: 5 } }, pr],
    ['push', 'acme/app', { pull_request: { number: 5 } }, undefined],
    ['pull_request', 'acme', { pull_request: { number: 5 } }, undefined],
    ['pull_request', 'acme/app', null, undefined],
  ])('%s %s', (event, repo, payload, want) =>
    expect(pullRequestOf(event, repo, payload)).toEqual(want),
  );
});

/**
 * The action's dependencies as fakes (no module mocking): inputs from a record, outputs,
 * failures, summaries, annotations, PR comments and log lines kept for the test to read.
 */
import { resolve } from 'node:path';
import type { ActionDeps } from '../../src/action/deps.js';
import type { IssueComment } from '../../src/action/pr-comment.js';
import type { Annotation } from '../../src/action/template.js';
import { systemClock } from '../../src/gotime/clock.js';

const root = resolve(import.meta.dirname, '..', '..');

export interface Fake {
  deps: ActionDeps;
  outputs: Record<string, string>;
  failed: string[];
  secrets: string[];
  summaries: string[];
  annotations: Array<{ message: string; at: Annotation }>;
  comments: IssueComment[];
  log: string[];
  warnings: string[];
}

export function fakeAction(
  inputs: Record<string, string>,
  opts: { signal?: AbortSignal; comments?: IssueComment[]; event?: string } = {},
): Fake {
  const f: Fake = {
    outputs: {},
    failed: [],
    secrets: [],
    summaries: [],
    annotations: [],
    comments: opts.comments ?? [],
    log: [],
    warnings: [],
  } as unknown as Fake;
  f.deps = {
    core: {
      getInput: (name) => inputs[name] ?? '',
      setOutput: (name, value) => {
        f.outputs[name] = value;
      },
      setFailed: (m, at) => {
        f.failed.push(m);
        if (at) f.annotations.push({ message: m, at });
      },
      setSecret: (s) => void f.secrets.push(s),
      writeSummary: async (m) => void f.summaries.push(m),
      info: (m) => void f.log.push(m),
      warning: (m) => void f.warnings.push(m),
      debug: () => {},
      group: (_name, fn) => fn(),
    },
    github: {
      client: () => ({
        listComments: async () => f.comments.map((c) => ({ ...c })),
        createComment: async (_pr, body) =>
          void f.comments.push({ id: f.comments.length + 1, body }),
        updateComment: async (_pr, id, body) => {
          f.comments.find((c) => c.id === id)!.body = body;
        },
      }),
      eventPayload: () => ({ pull_request: { number: 7, head: { sha: 'abc123def4567890' } } }),
    },
    clock: systemClock,
    env: {
      GITHUB_WORKSPACE: root,
      GITHUB_STEP_SUMMARY: '/dev/null',
      GITHUB_EVENT_NAME: opts.event ?? 'pull_request',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_SHA: 'merge0000000',
    },
    signal: opts.signal ?? new AbortController().signal,
  };
  return f;
}

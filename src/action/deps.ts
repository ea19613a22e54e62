/**
 * What `run` needs from the outside world, injected so tests need no module mocking: the
 * @actions/core facade, a GitHub client factory, the clock, the environment and the
 * cancellation signal. `defaultDeps()` wires the real ones (main only).
 */
import { cancellationSignal } from '../runtime/large-stack.js';
import { sideEffect } from '../runtime/side-effects.js';
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { getOctokit } from '@actions/github';
import type { Clock } from '../gotime/clock.js';
import { systemClock } from '../gotime/clock.js';
import type { CommentClient } from './pr-comment.js';

/** Where a failure points in the workspace (a GitHub annotation's file, line and column). */
export interface Annotation {
  file: string;
  startLine: number;
  startColumn?: number;
}

export interface CoreFacade {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /**
   * Fail the step with one error annotation: at `at` (a template's file, line and column) when
   * given, else a plain one.
   */
  setFailed(message: string, at?: Annotation): void;
  setSecret(secret: string): void;
  /** Append to the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): Promise<void>;
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface GithubFacade {
  client(token: string): CommentClient;
  /** The webhook payload of the triggering event (GITHUB_EVENT_PATH), or null. */
  eventPayload(): unknown;
}

export interface ActionDeps {
  core: CoreFacade;
  github: GithubFacade;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
  /** Fired by SIGINT/SIGTERM (a cancelled workflow). */
  signal: AbortSignal;
}

export function realCore(): CoreFacade {
  return {
    getInput: (name) => core.getInput(name),
    // Files (GITHUB_OUTPUT, the job summary) close the side-effect latch; log lines and masks
    // are held back until then (src/runtime/side-effects.ts).
    setOutput: (name, value) => {
      sideEffect();
      core.setOutput(name, value);
    },
    setFailed: (message, at) => {
      if (!at) return core.setFailed(message);
      core.error(message, at);
      process.exitCode = 1;
    },
    setSecret: (secret) => core.setSecret(secret),
    writeSummary: async (markdown) => {
      sideEffect();
      await core.summary.addRaw(markdown, true).write();
    },
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    group: (name, fn) => core.group(name, fn),
  };
}

type Octokit = ReturnType<typeof getOctokit>;

export function octokitComments(token: string): CommentClient {
  // Imported on first use: a run that posts no comment never loads Octokit (issue 10).
  let client: Promise<Octokit> | undefined;
  const github = () => (client ??= import('@actions/github').then((g) => g.getOctokit(token)));
  return {
    async listComments(pr) {
      const octokit = await github();
      const list = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        per_page: 100,
      });
      return list.map((c) => ({ id: c.id, body: c.body ?? '' }));
    },
    async createComment(pr, body) {
      sideEffect();
      const octokit = await github();
      await octokit.rest.issues.createComment({
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        body,
      });
    },
    async updateComment(pr, id, body) {
      sideEffect();
      const octokit = await github();
      await octokit.rest.issues.updateComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: id,
        body,
      });
    },
  };
}

export function defaultDeps(): ActionDeps {
  const env = process.env;
  return {
    core: realCore(),
    github: {
      client: octokitComments,
      eventPayload: () =>
        env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : null,
    },
    clock: systemClock,
    env,
    signal: cancellationSignal().signal,
  };
}

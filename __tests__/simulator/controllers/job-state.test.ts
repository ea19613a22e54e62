// The Job controller's decisions (pkg/controller/job/job_controller.go: pastBackoffLimit,
// pastActiveDeadline, the completions check, getPodsToCreate and the pod failure back-off).
import { describe, expect, it } from '@jest/globals';
import {
  countPods,
  decideOutcome,
  failureBackoffMs,
  podForJob,
  podsWanted,
} from '../../../src/simulator/controllers/job-state.js';
import type { JsonObject } from '../../../src/simulator/json.js';

const pod = (phase: string, restarts = 0, ready = false): JsonObject => ({
  metadata: { name: 'p' },
  status: {
    phase,
    containerStatuses: [{ restartCount: restarts }],
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  },
});

describe('countPods', () => {
  it('counts active, succeeded, failed, restarts and ready Pods', () => {
    expect(
      countPods([pod('Running', 2, true), pod('Pending'), pod('Succeeded'), pod('Failed')]),
    ).toEqual({ active: 2, succeeded: 1, failed: 1, failures: 3, ready: 1 });
  });
});

describe('decideOutcome', () => {
  const counts = (succeeded: number, failures: number) => ({
    active: 0,
    succeeded,
    failed: failures,
    failures,
    ready: 0,
  });
  it.each([
    ['completions reached', {}, counts(1, 0), 0, 'Complete/CompletionsReached'],
    ['two completions, one done', { completions: 2 }, counts(1, 0), 0, 'none'],
    ['default backoffLimit 6 allows 6 failures', {}, counts(0, 6), 0, 'none'],
    ['7 failures exceed the default', {}, counts(0, 7), 0, 'Failed/BackoffLimitExceeded'],
    [
      'backoffLimit 0 fails on the first failure',
      { backoffLimit: 0 },
      counts(0, 1),
      0,
      'Failed/BackoffLimitExceeded',
    ],
    [
      'deadline passed',
      { activeDeadlineSeconds: 5 },
      counts(0, 0),
      5000,
      'Failed/DeadlineExceeded',
    ],
    ['deadline not yet', { activeDeadlineSeconds: 5 }, counts(0, 0), 4999, 'none'],
  ])('%s', (_name, spec, c, elapsed, expected) => {
    const o = decideOutcome(spec, c, elapsed);
    expect(o ? `${o.type}/${o.reason}` : 'none').toBe(expected);
  });
});

describe('podsWanted', () => {
  it.each([
    [{}, 0, 0, 1],
    [{ parallelism: 3, completions: 5 }, 1, 4, 0],
    [{ parallelism: 3, completions: 5 }, 0, 3, 2],
    [{ parallelism: 2, completions: 5 }, 1, 0, 1],
  ])('spec %j with %d active and %d succeeded wants %d', (spec, active, succeeded, want) => {
    expect(podsWanted(spec, { active, succeeded, failed: 0, failures: 0, ready: 0 })).toBe(want);
  });
});

describe('failureBackoffMs', () => {
  it.each([
    [0, 0],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [10, 360_000],
  ])('%d failed Pods → %d ms', (n, ms) => {
    expect(failureBackoffMs(n)).toBe(ms);
  });
});

describe('podForJob', () => {
  it('copies the template and points a controller ownerReference at the Job', () => {
    const job = {
      metadata: { name: 'j', uid: 'u1' },
      spec: {
        template: { metadata: { labels: { 'job-name': 'j' } }, spec: { restartPolicy: 'Never' } },
      },
    };
    expect(podForJob(job)).toEqual({
      metadata: {
        generateName: 'j-',
        labels: { 'job-name': 'j' },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: 'j',
            uid: 'u1',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { restartPolicy: 'Never' },
    });
  });
});

/**
 * The golden summaries' data (issue 8): success, failed hook, timed-out wait, atomic rollback,
 * dry-run plan with a Secret, template and cancelled; fixed times so the Markdown is stable.
 */
import { manifestChanges } from '../../src/action/changes.js';
import type { SummaryData } from '../../src/action/summary-data.js';
import { buildTimeline } from '../../src/action/timeline.js';
import type { HookOutcome } from '../../src/lifecycle/hook-outcome.js';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');

export const hook = (over: Partial<HookOutcome>): HookOutcome => ({
  event: 'pre-upgrade',
  kind: 'Job',
  name: 'shop-db-migrate',
  namespace: 'prod',
  path: 'shop/templates/migrate.yaml',
  weight: 0,
  phase: 'Succeeded',
  startedAt: at(1),
  completedAt: at(4),
  durationMs: 3000,
  deletePolicyApplied: 'hook-succeeded',
  logTail: '',
  containers: [],
  events: [],
  ...over,
});

export const failedHook = hook({
  phase: 'Failed',
  name: 'shop-db-migrate',
  completedAt: at(9),
  durationMs: 8000,
  deletePolicyApplied: undefined,
  reason: 'job shop-db-migrate failed: BackoffLimitExceeded',
  exitCode: 3,
  logTail:
    'connecting to db & "schema" <v2>\nERROR: relation `orders` does not exist\n- not a bullet\n+ not a bullet either',
  containers: [
    {
      pod: 'shop-db-migrate-x7k2p',
      container: 'migrate',
      reason: 'Error',
      exitCode: 3,
      state: 'terminated',
      message: 'migration 0042 failed | see log',
      logTail: '',
    },
  ],
  events: [
    {
      object: 'Job shop-db-migrate',
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: 'Created pod: shop-db-migrate-x7k2p',
      count: 1,
      lastTimestamp: at(1),
    },
    {
      object: 'Job shop-db-migrate',
      type: 'Warning',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
      count: 1,
      lastTimestamp: at(9),
    },
  ],
});

const base = (over: Partial<SummaryData>): SummaryData => ({
  release: 'shop',
  namespace: 'prod',
  chart: 'shop-1.4.0',
  command: 'upgrade',
  outcome: 'succeeded',
  status: 'deployed',
  revision: 5,
  description: 'Upgrade complete',
  recovery: null,
  dryRun: false,
  manifestDigest: 'sha256:0d1f6c9a4e0b2b7e5c3f1a9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
  notes: 'Visit http://shop.example.com <prod> & enjoy',
  error: '',
  hooks: [],
  failedHooks: [],
  notReady: [],
  changes: [],
  plan: null,
  run: {
    url: 'https://github.com/acme/shop/actions/runs/123456',
    runId: '123456',
    commit: '4f9c2e1d7b3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e',
    time: '2026-12-07 10:00:12 UTC',
  },
  timeline: [],
  template: null,
  allHookLogs: false,
  ...over,
});

const timeline = (hooks: HookOutcome[], failed: boolean, end = 12) =>
  buildTimeline({
    command: 'upgrade',
    label: 'upgrade shop',
    start: T0,
    end: T0 + end * 1000,
    failed,
    hooks,
  });

const deployment = (image: string) =>
  `---\n# Source: shop/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: shop\n          image: "${image}"\n          env:\n            - name: GREETING\n              value: "say \\"hi\\" <b>&</b>"\n`;
const secret = (password: string) =>
  `---\n# Source: shop/templates/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-db\ntype: Opaque\ndata:\n  password: ${Buffer.from(password).toString('base64')}\n  user: ${Buffer.from('shop').toString('base64')}\n`;

/** Secret values of the test data: none may appear in any summary. */
export const SECRET_VALUES = ['old-pa55word', 'n3w-pa55word'].flatMap((v) => [
  v,
  Buffer.from(v).toString('base64'),
]);

export function goldenCases(): Record<string, SummaryData> {
  const post = hook({
    event: 'post-upgrade',
    name: 'shop-notify',
    startedAt: at(8),
    completedAt: at(10),
  });
  const success = [hook({}), post];
  return {
    success: base({
      hooks: success,
      timeline: timeline(success, false),
      changes: manifestChanges(deployment('shop:1.3.0'), deployment('shop:1.4.0')),
    }),
    'failed-hook': base({
      outcome: 'failed',
      status: 'failed',
      description:
        'Upgrade "shop" failed: pre-upgrade hooks failed: job shop-db-migrate failed: BackoffLimitExceeded',
      error:
        'UPGRADE FAILED: pre-upgrade hooks failed: job shop-db-migrate failed: BackoffLimitExceeded',
      hooks: [failedHook],
      failedHooks: [failedHook],
      timeline: timeline([failedHook], true, 9),
    }),
    'timed-out': base({
      outcome: 'timed-out',
      status: 'failed',
      description: 'Upgrade "shop" failed: context deadline exceeded',
      error:
        'UPGRADE FAILED: timed out waiting for the condition: Deployment prod/shop: 0/2 ready; Pod shop-5d9f-abc: ImagePullBackOff',
      hooks: [hook({})],
      notReady: ['Deployment prod/shop: 0/2 ready', 'Pod shop-5d9f-abc: ImagePullBackOff'],
      timeline: timeline([hook({})], true, 300),
      changes: manifestChanges(deployment('shop:1.3.0'), deployment('shop:1.4.0-typo')),
    }),
    'atomic-rollback': base({
      outcome: 'rolled-back',
      status: 'deployed',
      revision: 6,
      description: 'Rollback to 4',
      recovery: {
        action: 'rollback',
        reason:
          'Upgrade "shop" failed: pre-upgrade hooks failed: job shop-db-migrate failed: BackoffLimitExceeded',
        failedRevision: 5,
        toRevision: 4,
        revision: 6,
      },
      error:
        'UPGRADE FAILED: release shop failed, and has been rolled back due to atomic being set: pre-upgrade hooks failed: job shop-db-migrate failed: BackoffLimitExceeded',
      hooks: [failedHook],
      failedHooks: [failedHook],
      timeline: timeline([failedHook], true, 20),
    }),
    'dry-run-secret': base({
      outcome: 'planned',
      status: 'planned',
      revision: 4,
      description: '',
      dryRun: true,
      notes: '',
      plan: {
        deployedRevision: 4,
        changes: [],
        hooks: [
          {
            event: 'pre-upgrade',
            kind: 'Job',
            name: 'shop-db-migrate',
            weight: 0,
            deletePolicies: ['before-hook-creation', 'hook-succeeded'],
          },
        ],
      },
      changes: manifestChanges(
        deployment('shop:1.3.0') + secret('old-pa55word'),
        deployment('shop:1.4.0') + secret('n3w-pa55word'),
      ),
    }),
    template: base({
      command: 'template',
      outcome: 'rendered',
      status: 'rendered',
      revision: 0,
      description: '',
      template: {
        path: '/home/runner/work/_temp/hookline-shop.yaml',
        documents: 2,
        bytes: 612,
        preview:
          deployment('shop:1.4.0').replace(/^---\n/, '') +
          '---\n# Source: shop/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n',
        truncated: false,
      },
    }),
    cancelled: base({
      outcome: 'cancelled',
      status: 'failed',
      description: 'Release failed: context canceled (workflow cancelled)',
      error: 'UPGRADE FAILED: context canceled',
      hooks: [
        hook({
          phase: 'Failed',
          reason: 'context canceled',
          completedAt: at(6),
          durationMs: 5000,
          deletePolicyApplied: undefined,
        }),
      ],
      failedHooks: [
        hook({
          phase: 'Failed',
          reason: 'context canceled',
          completedAt: at(6),
          durationMs: 5000,
          deletePolicyApplied: undefined,
        }),
      ],
      timeline: timeline([], true, 6),
    }),
  };
}

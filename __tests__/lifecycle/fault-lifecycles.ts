/**
 * Randomized install/upgrade/rollback/uninstall lifecycles on the simulator under injected API
 * faults (500s, 429s with Retry-After, connection resets, latency, dropped watches) and
 * in-process cancellations (issue 9), checking after every command that
 *
 * - every record of the release decodes (none lost or undecodable),
 * - no record is left in a non-final state (`pending-*`, `uninstalling`) unless the command
 *   failed saying so (then `recover-pending` clears it, as the message tells the user),
 * - a command that succeeded left its final record stored (`deployed`; for uninstall the
 *   records purged, or `uninstalled` with --keep-history).
 *
 * Deterministic: the faults come from the simulator's seeded sequence in request order, the
 * plan from a second seeded sequence, and cancellations fire after a planned number of client
 * calls (not after a time). Used by faults.test.ts (a few runs) and
 * scripts/fault-lifecycles.ts (200 runs, in .ci/run).
 */
import type { Chart } from '../../src/chart/types.js';
import type { KubeClient } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { withRetries } from '../../src/kube/retry.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import type { Configuration } from '../../src/lifecycle/config.js';
import { install } from '../../src/lifecycle/install.js';
import { rollback } from '../../src/lifecycle/rollback.js';
import { uninstall } from '../../src/lifecycle/uninstall.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { recoverPending } from '../../src/lifecycle/recover.js';
import { decodeRelease } from '../../src/release/codec.js';
import type { Release } from '../../src/release/types.js';
import type { FaultOptions } from '../../src/simulator/faults.js';
import { seededRandom } from '../../src/util/seeded-random.js';
import { startSimulator } from '../../src/simulator/index.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';
import { systemClock } from '../../src/gotime/clock.js';
import { writeChart } from './install-fixtures.js';

export interface FaultRunOptions {
  runs: number;
  seed: number;
  faults?: FaultOptions;
  /** Probability that a command is cancelled part-way. */
  cancelRate?: number;
  /**
   * Without the client's retries and with one record-write attempt: commands then fail often,
   * but must still never report success with a non-final record.
   */
  noRetries?: boolean;
  log?: (line: string) => void;
}

export interface FaultRunReport {
  commands: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** Commands that failed saying their record was left pending (then recovered). */
  leftPendingWithMessage: number;
  injected: { error500: number; tooMany: number; reset: number; dropWatch: number };
  violations: string[];
}

export const DEFAULT_FAULTS: FaultOptions = {
  error500: 0.05,
  tooMany: 0.05,
  retryAfterSeconds: 1,
  reset: 0.03,
  latencyMs: 3,
  dropWatch: 0.2,
  dropAfterMs: 50,
};

type Verb = 'install' | 'upgrade' | 'rollback' | 'uninstall';
const FINAL = new Set(['deployed', 'failed', 'superseded', 'uninstalled']);

function chartFor(): Chart {
  return writeChart('faulty', {
    'cm.yaml': [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-{{ if .Values.bad }}Bad_Name{{ else }}cm{{ end }}',
      'data:',
      '  rev: "{{ .Release.Revision }}"',
      '',
    ].join('\n'),
    'deploy.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}-web',
      'spec:',
      '  replicas: 1',
      '  selector:',
      '    matchLabels: { app: "{{ .Release.Name }}" }',
      '  template:',
      '    metadata:',
      '      labels: { app: "{{ .Release.Name }}" }',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.27',
      '',
    ].join('\n'),
    'secret.yaml': [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: {{ .Release.Name }}-secret',
      'stringData:',
      '  value: "{{ .Values.v }}"',
      '',
    ].join('\n'),
    'job-hook.yaml': [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: {{ .Release.Name }}-check',
      '  annotations:',
      '    "helm.sh/hook": post-install,post-upgrade',
      '    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded',
      'spec:',
      '  backoffLimit: 0',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      terminationGracePeriodSeconds: 1',
      '      containers:',
      '        - name: main',
      '          image: busybox:1.36',
      '          command: ["sh", "-c", "sleep 1; echo checked"]',
      '',
    ].join('\n'),
    'hook.yaml': [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-hook',
      '  annotations:',
      '    "helm.sh/hook": pre-install,pre-upgrade,pre-rollback,pre-delete',
      '    "helm.sh/hook-delete-policy": before-hook-creation',
      'data:',
      '  a: "1"',
      '',
    ].join('\n'),
  });
}

/** A KubeClient that fires `abort` once `limit` calls have been made (deterministic cancels). */
function cancelAfter(inner: KubeClient, limit: number, abort: () => void): KubeClient {
  let calls = 0;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function' || prop === 'secrets' || prop === 'configMaps')
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      return (...args: unknown[]) => {
        if (++calls === limit) abort();
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export async function runFaultLifecycles(opts: FaultRunOptions): Promise<FaultRunReport> {
  const faults = { ...DEFAULT_FAULTS, ...opts.faults, seed: opts.seed };
  const sim = await startSimulator({ speed: 50, bookmarkEveryMs: 200, faults });
  const injector = sim.faults!;
  const random = seededRandom(opts.seed * 7919 + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const log = opts.log ?? (() => {});
  const report: FaultRunReport = {
    commands: 0,
    succeeded: 0,
    failed: 0,
    cancelled: 0,
    leftPendingWithMessage: 0,
    injected: injector.injected,
    violations: [],
  };
  const base = createNodeClient({ kubeconfig: sim.kubeconfig, requestTimeoutMs: 5000 });
  const kube = withRetries(base, {
    ...(opts.noRetries ? { maxRetries: 0 } : {}),
    baseDelayMs: 2,
    maxDelayMs: 20,
    retryAfterUnitMs: 5,
    budgetMs: 60_000,
    ...(opts.log ? { log: (m: string) => opts.log?.(`  ${m}`) } : {}),
  });
  const namespaces = ['faults-a', 'faults-b'];
  injector.paused = true;
  for (const ns of namespaces) await base.ensureNamespace(ns);
  injector.paused = false;
  const chart = chartFor();
  const warn: string[] = [];
  const cfgFor = (ns: string, client: KubeClient): Configuration => ({
    kube: client,
    storage: new Storage(new SecretsDriver(secretsApi(client, ns))),
    clock: systemClock,
    log: { info: () => {}, warn: (m) => void warn.push(m) },
    recordRetry: { delayMs: 2, ...(opts.noRetries ? { attempts: 1 } : {}) },
  });
  try {
    for (let run = 0; run < opts.runs; run++) {
      const name = `r${run}`;
      const ns = pick(namespaces);
      const steps = 2 + Math.floor(random() * 5);
      const plan: Verb[] = ['install'];
      for (let i = 1; i < steps; i++)
        plan.push(
          plan[i - 1] === 'uninstall'
            ? pick(['install', 'install', 'upgrade', 'rollback'] as const)
            : pick(['upgrade', 'upgrade', 'rollback', 'uninstall', 'install'] as const),
        );
      for (const verb of plan) {
        const controller = new AbortController();
        const cancel = random() < (opts.cancelRate ?? 0.15);
        const limit = cancel ? 1 + Math.floor(random() * 30) : 0;
        const client = cancel ? cancelAfter(kube, limit, () => controller.abort()) : kube;
        const cfg = cfgFor(ns, client);
        const signal = controller.signal;
        const values = { v: String(run), ...(random() < 0.1 ? { bad: true } : {}) };
        const atomic = random() < 0.2;
        const wait = atomic || random() < 0.3;
        const keepHistory = random() < 0.3;
        let ok = true;
        let message = '';
        report.commands++;
        try {
          if (verb === 'install')
            await install(cfg, chart, {
              releaseName: name,
              namespace: ns,
              values,
              atomic,
              wait,
              timeout: 20_000,
              signal,
            });
          else if (verb === 'upgrade')
            await upgrade(cfg, name, chart, {
              namespace: ns,
              values,
              atomic,
              wait,
              timeout: 20_000,
              signal,
            });
          else if (verb === 'rollback') await rollback(cfg, name, { signal });
          else await uninstall(cfg, name, { keepHistory, signal });
        } catch (err) {
          ok = false;
          message = err instanceof Error ? err.message : String(err);
        }
        if (ok) report.succeeded++;
        else report.failed++;
        if (signal.aborted) report.cancelled++;
        log(`${name} ${verb}${cancel ? ` (cancel@${limit})` : ''}: ${ok ? 'ok' : message}`);
        injector.paused = true;
        try {
          const check = await checkRecords(cfgFor(ns, base), ns, name, {
            verb,
            ok,
            keepHistory,
            message,
          });
          if (check.recovered) report.leftPendingWithMessage++;
          for (const v of check.violations)
            report.violations.push(`${name} ${verb} (${ok ? 'ok' : message}): ${v}`);
        } finally {
          injector.paused = false;
        }
      }
    }
  } finally {
    await sim.close();
  }
  return report;
}

/** The invariants after one command (faults paused). */
async function checkRecords(
  cfg: Configuration,
  ns: string,
  name: string,
  outcome: { verb: Verb; ok: boolean; keepHistory: boolean; message: string },
): Promise<{ violations: string[]; recovered: boolean }> {
  const { verb, ok, keepHistory, message } = outcome;
  const violations: string[] = [];
  const secrets = await cfg.kube.secrets(ns).list(`name=${name},owner=helm`);
  const records: Release[] = [];
  for (const s of secrets) {
    try {
      const data = Buffer.from(s.data?.release ?? '', 'base64').toString('utf8');
      records.push(decodeRelease(data));
    } catch (err) {
      violations.push(`record ${s.metadata.name} does not decode: ${String(err)}`);
    }
  }
  records.sort((a, b) => a.version - b.version);
  const last = records.at(-1);
  let recovered = false;
  const nonFinal = records.filter((r) => !FINAL.has(r.info.status));
  if (nonFinal.length > 0) {
    const states = nonFinal.map((r) => `v${r.version} ${r.info.status}`).join(', ');
    // The command failed saying so and how to recover: do what it says.
    const hints = !ok && message.includes('recover-pending');
    const again = !ok && message.includes(`"hookline uninstall ${name}" again`);
    if (hints || again) {
      if (hints) await recoverPending(cfg, name, -1);
      if (again && nonFinal.some((r) => r.info.status === 'uninstalling'))
        await uninstall(cfg, name, { keepHistory: true });
      recovered = true;
      const after = await cfg.storage.history(name).catch(() => []);
      if (after.some((r) => !FINAL.has(r.info.status)))
        violations.push(`not final after following the message: ${states}`);
    } else
      violations.push(`non-final records (${ok ? 'after success' : 'after failure'}): ${states}`);
  }
  if (ok) {
    if (verb === 'uninstall') {
      if (keepHistory ? last?.info.status !== 'uninstalled' : records.length !== 0)
        violations.push(`uninstall succeeded but the last record is ${last?.info.status}`);
    } else if (last?.info.status !== 'deployed') {
      violations.push(`${verb} succeeded but the last record is ${last?.info.status ?? 'absent'}`);
    }
  }
  return { violations, recovered };
}

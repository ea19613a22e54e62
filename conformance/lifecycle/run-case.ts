/**
 * One lifecycle case on its own simulated cluster: install (--wait, --create-namespace),
 * upgrade with a changed value, rollback to revision 1, uninstall; the checks of checks.ts
 * after each step. The first problem of a step ends the case (later steps build on it).
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadChart } from '../../src/chart/directory.js';
import type { Chart } from '../../src/chart/types.js';
import type { GoMap } from '../../src/gotemplate/values.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import type { Configuration } from '../../src/lifecycle/config.js';
import { install } from '../../src/lifecycle/install.js';
import { rollback } from '../../src/lifecycle/rollback.js';
import { uninstall } from '../../src/lifecycle/uninstall.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { startSimulator } from '../../src/simulator/index.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';
import { systemClock } from '../../src/gotime/clock.js';
import { mergeUserValues } from '../../src/values/options.js';
import type { CaseResult } from '../types.js';
import type { LifecycleCase } from './cases.js';
import { installCrds } from './crds.js';
import { checkHooks, checkObjects, checkRecords, checkUninstalled, records } from './checks.js';

export interface RunOptions {
  /** Simulated seconds per real second. */
  speed: number;
  /** Real milliseconds per step (hooks and --wait). */
  timeoutMs: number;
}

/** The value the upgrade changes: a pod annotation where the chart has `podAnnotations`. */
export function upgradeChange(chart: Chart): string {
  const pa = (chart.values as GoMap | undefined)?.['podAnnotations'];
  return pa === null || (typeof pa === 'object' && !Array.isArray(pa))
    ? 'podAnnotations.hookline/lifecycle=upgraded'
    : 'hooklineLifecycle=upgraded';
}

class StepFailure extends Error {}

function fail(step: string, problems: string[]): void {
  if (problems.length) throw new StepFailure(`${step}: ${problems[0]}`);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export async function runLifecycleCase(c: LifecycleCase, opts: RunOptions): Promise<CaseResult> {
  const sim = await startSimulator({ speed: opts.speed, bookmarkEveryMs: 1000 });
  try {
    const kube = createNodeClient({ kubeconfig: sim.kubeconfig });
    const storage = new Storage(new SecretsDriver(secretsApi(kube, c.namespace)));
    const cfg: Configuration = {
      kube,
      storage,
      clock: systemClock,
      log: { info: () => {}, warn: () => {} },
    };
    if (c.prerequisiteCrds) await installCrds(kube, c.prerequisiteCrds);
    const read = (p: string) => readFileSync(p);
    const base = { valueFiles: c.valueFiles, values: c.set, stringValues: c.setString };
    const name = c.releaseName;
    const step = { timeout: opts.timeoutMs, wait: true };

    let installed;
    let chart: Chart;
    let changed: GoMap;
    try {
      // Loading and values errors count as the install failing, as they do for `helm install`.
      chart = loadChart(c.chartDir);
      const values = mergeUserValues(base, read);
      changed = mergeUserValues({ ...base, values: [...c.set, upgradeChange(chart)] }, read);
      installed = await install(cfg, chart, {
        releaseName: name,
        namespace: c.namespace,
        values,
        createNamespace: true,
        ...(c.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
        ...step,
      });
    } catch (err) {
      if (!c.expectError) throw new StepFailure(`install: ${message(err)}`);
      const left = await records(storage, name);
      return left.length
        ? { id: c.id, ok: false, detail: `install failed as Helm's does but left ${left}` }
        : { id: c.id, ok: true };
    }
    if (c.expectError) throw new StepFailure("install: succeeded where Helm's render fails");
    fail('install', await checkRecords(storage, name, ['1:deployed']));
    fail('install', await checkObjects(kube, installed.release));
    fail(
      'install',
      await checkHooks(kube, installed.release, installed.hookOutcomes, [
        'pre-install',
        'post-install',
      ]),
    );

    const upgraded = await upgrade(cfg, name, chart, {
      values: changed,
      ...(c.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
      ...step,
    }).catch((err: unknown) => {
      throw new StepFailure(`upgrade: ${message(err)}`);
    });
    fail('upgrade', await checkRecords(storage, name, ['1:superseded', '2:deployed']));
    fail('upgrade', await checkObjects(kube, upgraded.release));
    fail(
      'upgrade',
      await checkHooks(kube, upgraded.release, upgraded.hookOutcomes, [
        'pre-upgrade',
        'post-upgrade',
      ]),
    );

    const rolled = await rollback(cfg, name, { revision: 1, ...step }).catch((err: unknown) => {
      throw new StepFailure(`rollback: ${message(err)}`);
    });
    fail(
      'rollback',
      await checkRecords(storage, name, ['1:superseded', '2:superseded', '3:deployed']),
    );
    fail('rollback', await checkObjects(kube, rolled.release));
    fail(
      'rollback',
      await checkHooks(kube, rolled.release, rolled.hookOutcomes, [
        'pre-rollback',
        'post-rollback',
      ]),
    );

    const removed = await uninstall(cfg, name, { timeout: opts.timeoutMs }).catch(
      (err: unknown) => {
        throw new StepFailure(`uninstall: ${message(err)}`);
      },
    );
    fail(
      'uninstall',
      await checkHooks(kube, rolled.release, removed.hookOutcomes, ['pre-delete', 'post-delete']),
    );
    fail('uninstall', await checkUninstalled(kube, storage, rolled.release, 5000, sleep));
    return { id: c.id, ok: true };
  } catch (err) {
    if (err instanceof StepFailure) return { id: c.id, ok: false, detail: err.message };
    return { id: c.id, ok: false, detail: `error: ${message(err)}` };
  } finally {
    await sim.close();
  }
}

/**
 * The release record is the truth (issue 9, decision 11): a verb whose final record cannot be
 * stored fails, naming the state the stored record is left in and how to recover it; a record
 * write that fails a few times is retried.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InstallError } from '../../src/lifecycle/errors.js';
import { install } from '../../src/lifecycle/install.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { UpgradeError } from '../../src/lifecycle/errors.js';
import type { Release } from '../../src/release/types.js';
import { MemoryDriver } from '../../src/storage/memory.js';
import { Storage } from '../../src/storage/storage.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { memoryLog } from './hooks-fixtures.js';
import { configMapDoc, writeChart } from './install-fixtures.js';
import type { Configuration } from '../../src/lifecycle/config.js';
import { systemClock } from '../../src/gotime/clock.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('record');
});
afterAll(async () => {
  await c.sim.close();
});

/** A memory driver whose updates to `status` fail `times` times (Infinity: always). */
class FlakyDriver extends MemoryDriver {
  failures = 0;
  constructor(
    private readonly status: string,
    private times: number,
  ) {
    super();
  }
  override async update(key: string, rel: Release): Promise<void> {
    if (rel.info.status === this.status && this.times > 0) {
      this.times--;
      this.failures++;
      throw new Error('update: failed to update: Internal error occurred');
    }
    return super.update(key, rel);
  }
}

function cfgWith(driver: MemoryDriver): Configuration {
  return {
    kube: c.client,
    storage: new Storage(driver),
    clock: systemClock,
    log: memoryLog(),
    recordRetry: { delayMs: 1 },
  };
}

const chart = () => writeChart('rec', { 'cm.yaml': configMapDoc('{{ .Release.Name }}-cm') });

describe('final record writes', () => {
  it('install: a final write that keeps failing fails the command, naming the state left', async () => {
    const driver = new FlakyDriver('deployed', Infinity);
    const name = uniqueName('rec');
    const err = await install(cfgWith(driver), chart(), {
      releaseName: name,
      namespace: c.namespace,
    }).then(
      () => {
        throw new Error('install succeeded');
      },
      (e: unknown) => e as InstallError,
    );
    expect(err).toBeInstanceOf(InstallError);
    expect(err.message).toBe(
      `release ${name} revision 1 could not be recorded as "deployed": update: failed to update: Internal error occurred; its stored record is left "pending-install": run "hookline recover-pending ${name}" (or the action with "recover-pending: true") to mark it failed`,
    );
    expect(err.release?.info.status).toBe('pending-install');
    expect(driver.failures).toBe(4);
  });

  it('install: a final write that fails three times is retried and succeeds', async () => {
    const driver = new FlakyDriver('deployed', 3);
    const name = uniqueName('rec');
    const res = await install(cfgWith(driver), chart(), {
      releaseName: name,
      namespace: c.namespace,
    });
    expect(res.release.info.status).toBe('deployed');
    expect((await new Storage(driver).last(name)).info.status).toBe('deployed');
  });

  it('upgrade: the previous release stays deployed when the new record cannot be stored', async () => {
    const driver = new FlakyDriver('deployed', 0);
    const cfg = cfgWith(driver);
    const name = uniqueName('rec');
    await install(cfg, chart(), { releaseName: name, namespace: c.namespace });
    const flaky = new FlakyDriver('deployed', Infinity);
    for (const r of await new Storage(driver).history(name))
      await flaky.create(`sh.helm.release.v1.${name}.v${r.version}`, r);
    const err = await upgrade(cfgWith(flaky), name, chart(), { namespace: c.namespace }).then(
      () => {
        throw new Error('upgrade succeeded');
      },
      (e: unknown) => e as UpgradeError,
    );
    expect(err).toBeInstanceOf(UpgradeError);
    expect(err.message).toMatch(/left "pending-upgrade": run "hookline recover-pending /);
    const statuses = (await new Storage(flaky).history(name))
      .sort((a, b) => a.version - b.version)
      .map((r) => r.info.status);
    expect(statuses).toEqual(['deployed', 'pending-upgrade']);
  });

  it('install: when the failed record cannot be stored either, the error says both', async () => {
    const driver = new FlakyDriver('failed', Infinity);
    const name = uniqueName('rec');
    const bad = writeChart('rec', { 'cm.yaml': configMapDoc('Bad_Name') });
    const err = await install(cfgWith(driver), bad, {
      releaseName: name,
      namespace: c.namespace,
    }).then(
      () => {
        throw new Error('install succeeded');
      },
      (e: unknown) => e as InstallError,
    );
    expect(err.message).toMatch(
      /; release \S+ revision 1 could not be recorded as "failed": .*left "pending-install": run "hookline recover-pending/,
    );
    expect(err.release?.info.status).toBe('pending-install');
  });
});

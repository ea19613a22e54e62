// Configuration's shared helpers (helm/helm pkg/action/action.go): recordRelease stores a
// record's new state and only logs a failure.
import { describe, expect, it } from '@jest/globals';
import { mockRelease } from '../../__fixtures__/releases.js';
import { recordRelease } from '../../src/lifecycle/config.js';
import { Status } from '../../src/release/types.js';
import { MemoryDriver } from '../../src/storage/memory.js';
import { Storage } from '../../src/storage/storage.js';

function logged(): { warn(m: string): void; info(m: string): void; warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (m) => warnings.push(m), info: () => undefined };
}

describe('recordRelease (Configuration.recordRelease)', () => {
  it('stores the new state of an existing record', async () => {
    const storage = new Storage(new MemoryDriver());
    const rel = mockRelease({ name: 'web', version: 1, status: Status.PendingInstall });
    await storage.create(rel);
    const log = logged();
    await recordRelease(
      { storage, log },
      { ...rel, info: { ...rel.info, status: Status.Deployed } },
    );
    expect((await storage.get('web', 1)).info.status).toBe(Status.Deployed);
    expect(log.warnings).toEqual([]);
  });

  it("logs Helm's warning instead of throwing when the update fails", async () => {
    const storage = new Storage(new MemoryDriver());
    const log = logged();
    const rel = mockRelease({ name: 'web', version: 3, status: Status.Failed });
    await expect(recordRelease({ storage, log }, rel)).resolves.toBeUndefined();
    expect(log.warnings).toEqual(['warning: Failed to update release web: release: not found']);
  });
});

// `hookline demo` (npm run demo): the example chart's whole lifecycle on the simulated cluster,
// with every hook's outcome, and a failing hook explained rather than left opaque.
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { demoCommand } from '../../src/cli/demo.js';
import { nodeIo } from '../../src/cli/io.js';

const root = resolve(import.meta.dirname, '..', '..');

describe('hookline demo', () => {
  it('installs, tests, upgrades, rolls back and uninstalls the example chart, then explains a failing hook', async () => {
    let out = '';
    const io = nodeIo({
      cwd: root,
      stdout: (s) => (out += s),
      stderr: (s) => (out += s),
      log: () => undefined,
    });
    expect(await demoCommand([], io)).toBe(0);
    const steps = out.split('\n==> ').slice(1);
    expect(steps.map((s) => s.split('\n')[0])).toEqual([
      'hookline install my-app',
      'hookline test my-app',
      'hookline upgrade my-app --set image.tag=1.22.0',
      'hookline rollback my-app 1',
      'hookline uninstall my-app',
      'hookline install broken-app --set hooks.dbInit.image=postgres-does-not-exist:14 --timeout 3s',
    ]);
    const [installed, tested, upgraded, rolledBack, uninstalled, broken] = steps as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    expect(installed).toContain('release: my-app revision 1 deployed: Install complete');
    // Pre-install hooks in weight order, then post-install (ORD-5).
    const hookLines = installed.split('\n').filter((l) => /^(pre|post)-install /.test(l));
    expect(hookLines.map((l) => l.split(/\s+/)[1])).toEqual([
      'ServiceAccount/helm-cleanup-sa',
      'Role/helm-cleanup-role',
      'RoleBinding/helm-cleanup-binding',
      'Job/my-app-db-init',
      'Job/my-app-notification',
    ]);
    expect(tested).toMatch(/test +Pod\/my-app-database-app-test-connection +0 +Succeeded/);
    expect(upgraded).toContain('release: my-app revision 2 deployed: Upgrade complete');
    expect(rolledBack).toContain('release: my-app revision 3 deployed: Rollback to 1');
    expect(uninstalled).toContain('uninstalled: Uninstallation complete');
    expect(uninstalled).toMatch(/pre-delete +Job\/my-app-backup/);
    expect(uninstalled).toMatch(/post-delete +Job\/my-app-cleanup/);
    expect(broken).toContain(
      'Error: INSTALLATION FAILED: failed pre-install: timed out waiting for the condition',
    );
    expect(broken).toContain('release: broken-app revision 1 failed');
    expect(broken).toContain('FAILED HOOK pre-install Job/broken-app-db-init');
    expect(broken).toContain('ImagePullBackOff');
  });
});

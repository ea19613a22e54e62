/**
 * Documents empty after comments and whitespace through every verb on the simulator (issue 7
 * item 1). Regression: an ingress-nginx-like template that renders a comment-only document
 * made install fail with `unable to build kubernetes objects from release manifest: object is
 * not a map`; Helm's kube client skips such documents (pkg/kube/client.go Build →
 * StreamVisitor), so install, upgrade, rollback, uninstall and the dry-run plan must too (MP-2).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makePlan } from '../../src/action/plan.js';
import { newMap } from '../../src/gotemplate/values.js';
import { NotFoundError } from '../../src/kube/client.js';
import { install } from '../../src/lifecycle/install.js';
import { rollback } from '../../src/lifecycle/rollback.js';
import { uninstall } from '../../src/lifecycle/uninstall.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, jobHook, writeChart } from './install-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('empty-docs');
});
afterAll(async () => {
  await c.sim.close();
});

/**
 * As ingress-nginx's controller-psp/admission templates: the whole body sits inside an `if`
 * whose comments stay outside it, so a disabled feature renders a comment-only document.
 */
const ingressLike = (prefix: string) => ({
  'controller-psp.yaml': [
    '{{- if .Values.podSecurityPolicy.enabled }}',
    `# PodSecurityPolicy is deprecated; kept for old clusters`,
    configMapDoc(`${prefix}-psp`),
    '{{- end }}',
    '# The admission webhook is configured in admission-webhooks/',
    '# (nothing else in this file)',
    '',
  ].join('\n'),
  'separators.yaml': `---\n---\n# only a comment\n---\n${configMapDoc(`${prefix}-cm`)}---\n---\n`,
  'hook.yaml': `# a hook follows\n---\n${jobHook(`${prefix}-pre`, 'pre-install,pre-upgrade', 'exit 0', 'hook-succeeded')}`,
  'values-comment.yaml': '{{/* values-driven, nothing to render */}}\n# Source-like comment\n',
});

describe('empty documents through the lifecycle (MP-2)', () => {
  it('install, upgrade, rollback, the plan and uninstall skip comment-only documents', async () => {
    const cfg = config(c);
    const name = uniqueName('ingress');
    const p = name;
    const chartDir = ingressLike(p);
    const chart = writeChart('ingress-like', chartDir);
    chart.values = newMap([['podSecurityPolicy', newMap([['enabled', false]])]]);

    const res = await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    expect(res.release.info.status).toBe('deployed');
    // The comment-only documents stay in the stored manifest, as Helm stores them.
    expect(res.release.manifest).toContain('# The admission webhook is configured');
    const cmRef = { apiVersion: 'v1', kind: 'ConfigMap', name: `${p}-cm`, namespace: c.namespace };
    expect((await c.client.get(cmRef)).metadata.name).toBe(`${p}-cm`);

    const up = await upgrade(cfg, name, chart, {});
    expect(up.release.version).toBe(2);
    expect(up.release.info.status).toBe('deployed');

    const plan = makePlan({
      command: 'upgrade',
      deployed: { manifest: up.release.manifest, revision: 2 },
      manifest: up.release.manifest,
      hooks: up.release.hooks,
      noHooks: false,
    });
    expect(plan.changes).toEqual([]);
    expect(plan.hooks.map((h) => h.name)).toEqual([`${p}-pre`]);

    const back = await rollback(cfg, name, { revision: 1 });
    expect(back.release.version).toBe(3);
    expect(back.release.info.status).toBe('deployed');

    const gone = await uninstall(cfg, name);
    expect(gone.release?.info.status).toBe('uninstalled');
    await expect(c.client.get(cmRef)).rejects.toThrow(NotFoundError);
  });

  it('the plan of a first install lists only the objects, not the empty documents', () => {
    const manifest =
      '---\n# Source: c/templates/empty.yaml\n# nothing\n---\n# Source: c/templates/cm.yaml\n' +
      configMapDoc('a');
    const plan = makePlan({ command: 'install', manifest, hooks: [], noHooks: true });
    expect(plan.changes).toEqual([{ action: 'created', object: 'ConfigMap/a' }]);
  });
});

/** The action's outputs (docs/design.md section 1, "Outputs"), one per output name. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Output } from '../../src/action/input-names.js';
import { actionOutputs, manifestDigest } from '../../src/action/outputs.js';
import type { HookOutcome } from '../../src/lifecycle/hook-outcome.js';

const outcome = { event: 'pre-install', kind: 'Job', name: 'm', phase: 'Succeeded' } as HookOutcome;

describe('actionOutputs', () => {
  it('sets every output', () => {
    const manifest = '---\nkind: ConfigMap\n';
    const plan = { deployedRevision: 1, changes: [], hooks: [] };
    const out = actionOutputs({
      status: 'deployed',
      revision: 3,
      release: 'app',
      namespace: 'prod',
      hooks: [outcome],
      notes: 'hi',
      manifest,
      manifestPath: '/tmp/hookline-app.yaml',
      plan,
    });
    expect(Object.keys(out).sort()).toEqual(Object.values(Output).sort());
    expect(out).toEqual({
      status: 'deployed',
      revision: '3',
      release: 'app',
      namespace: 'prod',
      hooks: JSON.stringify([outcome]),
      notes: 'hi',
      'manifest-digest': `sha256:${createHash('sha256').update(manifest).digest('hex')}`,
      plan: JSON.stringify(plan),
      'manifest-path': '/tmp/hookline-app.yaml',
    });
  });

  it('leaves revision, digest and plan empty when there are none', () => {
    const out = actionOutputs({
      status: 'failed',
      revision: 0,
      release: 'a',
      namespace: 'n',
      hooks: [],
      notes: '',
      manifestPath: '',
      manifest: '',
      plan: null,
    });
    expect(out).toMatchObject({ revision: '', 'manifest-digest': '', plan: '', hooks: '[]' });
  });

  it.each([
    ['', ''],
    ['abc', 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('manifestDigest(%j)', (m, want) => expect(manifestDigest(m)).toBe(want));
});

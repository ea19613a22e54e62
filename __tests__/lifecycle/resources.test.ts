/**
 * Pure parts of install's cluster step: CMD-OWN metadata, checkOwnership's texts
 * (helm/helm pkg/action/validate.go, v3.21.4) and batchPerform's kind groups (ORD-8,
 * pkg/kube/client.go).
 */
import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/kube/client.js';
import { buildObject } from '../../src/lifecycle/objects.js';
import {
  kindGroups,
  ownershipProblem,
  performGrouped,
  withOwnership,
} from '../../src/lifecycle/resources.js';

const cm = (labels: Record<string, string>, annotations: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'x', namespace: 'ns', labels, annotations },
});

describe('CMD-OWN (setMetadataVisitor)', () => {
  it('forces the label and annotations over existing values, keeping the rest', () => {
    const obj = withOwnership(
      cm(
        { keep: 'me', 'app.kubernetes.io/managed-by': 'other' },
        { 'meta.helm.sh/release-name': 'old' },
      ),
      'rel',
      'ns',
    );
    expect(obj.metadata.labels).toEqual({ keep: 'me', 'app.kubernetes.io/managed-by': 'Helm' });
    expect(obj.metadata.annotations).toEqual({
      'meta.helm.sh/release-name': 'rel',
      'meta.helm.sh/release-namespace': 'ns',
    });
  });

  it('fills the release namespace when the document names none', () => {
    expect(
      buildObject('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 'ns').metadata
        .namespace,
    ).toBe('ns');
  });
});

describe('CMD-ADOPT checkOwnership', () => {
  it.each([
    [
      cm(
        { 'app.kubernetes.io/managed-by': 'Helm' },
        { 'meta.helm.sh/release-name': 'rel', 'meta.helm.sh/release-namespace': 'ns' },
      ),
      null,
    ],
    [
      cm(
        { 'app.kubernetes.io/managed-by': 'Tiller' },
        { 'meta.helm.sh/release-name': 'other', 'meta.helm.sh/release-namespace': 'ns' },
      ),
      'invalid ownership metadata; label validation error: key "app.kubernetes.io/managed-by" must equal "Helm": current value is "Tiller"; ' +
        'annotation validation error: key "meta.helm.sh/release-name" must equal "rel": current value is "other"',
    ],
  ])('%#', (obj, expected) => {
    expect(ownershipProblem(obj, 'rel', 'ns')).toBe(expected);
  });
});

describe('ORD-8 batchPerform', () => {
  it('groups consecutive kinds only', () => {
    const kinds = ['A', 'A', 'B', 'A'].map((kind) => ({ kind }));
    expect(kindGroups(kinds).map((g) => g.map((x) => x.kind).join(''))).toEqual(['AA', 'B', 'A']);
  });

  it('visits every item and joins the errors with newlines', async () => {
    const seen: string[] = [];
    const items = [
      { kind: 'A', n: '1' },
      { kind: 'B', n: '2' },
      { kind: 'B', n: '3' },
    ];
    const run = performGrouped(
      items,
      async (i) => {
        seen.push(i.n);
        if (i.n !== '2') throw new Error(`bad ${i.n}`);
      },
      new AbortController().signal,
    );
    await expect(run).rejects.toThrow('bad 1\nbad 3');
    expect(seen).toEqual(['1', '2', '3']);
  });
});

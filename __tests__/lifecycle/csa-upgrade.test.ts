/**
 * client-go csaupgrade.UpgradeManagedFieldsPatch as Helm 4 uses it (manager `helm` for both
 * sides; helm-semantics section 9 item 1: "When moving CSA -> SSA Helm rewrites client-side
 * field managers").
 */
import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/kube/client.js';
import type { JsonMap } from '../../src/kube/three-way-patch.js';
import {
  upgradeManagedFieldsPatch,
  upgradedManagedFields,
} from '../../src/lifecycle/csa-upgrade.js';

const update = (fields: JsonMap, apiVersion = 'v1') => ({
  manager: 'helm',
  operation: 'Update',
  apiVersion,
  fieldsType: 'FieldsV1',
  fieldsV1: fields,
});

describe('upgradedManagedFields', () => {
  it('turns the Update entry into the Apply entry when there is none', () => {
    const fields = { 'f:data': { 'f:a': {} } };
    expect(upgradedManagedFields([update(fields)], 'helm', 'helm')).toEqual([
      { ...update(fields), operation: 'Apply' },
    ]);
  });

  it('unions the Update fields into an existing Apply entry and drops the Update entry', () => {
    const apply = { ...update({ 'f:data': { 'f:a': {} } }), operation: 'Apply' };
    const other = { ...update({ 'f:data': { 'f:z': {} } }), manager: 'kubectl' };
    const next = upgradedManagedFields(
      [apply, update({ 'f:data': { 'f:b': {} }, 'f:metadata': { 'f:labels': {} } }), other],
      'helm',
      'helm',
    );
    expect(next).toEqual([
      {
        ...apply,
        fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} }, 'f:metadata': { 'f:labels': {} } },
      },
      other,
    ]);
  });

  it('leaves entries of other managers and subresources alone', () => {
    const status = { ...update({ 'f:status': {} }), subresource: 'status' };
    const entries = [{ ...update({}), manager: 'kube-controller-manager' }, status];
    expect(upgradedManagedFields(entries, 'helm', 'helm')).toEqual(entries);
  });
});

describe('upgradeManagedFieldsPatch', () => {
  it('is a JSON patch of managedFields guarded by resourceVersion, or nothing', () => {
    const obj = (managedFields: object[]): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', resourceVersion: '42', managedFields },
    });
    const patch = upgradeManagedFieldsPatch(obj([update({ 'f:data': {} })]), 'helm');
    expect(patch).toEqual([
      {
        op: 'replace',
        path: '/metadata/managedFields',
        value: [{ ...update({ 'f:data': {} }), operation: 'Apply' }],
      },
      { op: 'replace', path: '/metadata/resourceVersion', value: '42' },
    ]);
    const applied = { ...update({ 'f:data': {} }), operation: 'Apply' };
    expect(upgradeManagedFieldsPatch(obj([applied]), 'helm')).toBeUndefined();
  });
});

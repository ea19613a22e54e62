// Storage-object labels (helm/helm pkg/storage/driver/{labels,util}.go v3.21; ST-7) and label
// value validation (k8s.io/apimachinery/pkg/util/validation IsValidLabelValue).
import { describe, expect, it } from '@jest/globals';
import {
  checkUserLabels,
  filterSystemLabels,
  labelSelector,
  labelValueErrors,
  matchLabels,
  ReservedLabelError,
  storageObjectLabels,
  validateQueryLabels,
} from '../../src/storage/labels.js';
import { StorageError } from '../../src/storage/driver.js';

describe('system labels (util.go; ST-7)', () => {
  it.each([['name'], ['owner'], ['status'], ['version'], ['createdAt'], ['modifiedAt']])(
    '--labels may not use %s',
    (key) => {
      expect(() => checkUserLabels({ team: 'a', [key]: 'x' })).toThrow(
        'user supplied labels contains system reserved label name. System labels: [name owner status version createdAt modifiedAt]',
      );
      expect(() => checkUserLabels({ [key]: 'x' })).toThrow(ReservedLabelError);
    },
  );

  it('user labels pass; filterSystemLabels keeps only them', () => {
    expect(() => checkUserLabels({ team: 'a', Name: 'x' })).not.toThrow();
    expect(
      filterSystemLabels({ name: 'a', owner: 'helm', createdAt: '1', team: 'x', tier: 'y' }),
    ).toEqual({ team: 'x', tier: 'y' });
  });
});

describe('storageObjectLabels (secrets.go Create/Update + newSecretsObject; ST-7)', () => {
  type Rel = { name: string; version: number; status: string; labels: Record<string, string> };
  const rel: Rel = { name: 'web', version: 3, status: 'deployed', labels: { team: 'a' } };

  it.each<[string, Rel, 'createdAt' | 'modifiedAt', Record<string, string>]>([
    [
      'create: user labels, createdAt, system labels',
      rel,
      'createdAt',
      { team: 'a', createdAt: '100', name: 'web', owner: 'helm', status: 'deployed', version: '3' },
    ],
    [
      'update: modifiedAt instead',
      rel,
      'modifiedAt',
      {
        team: 'a',
        modifiedAt: '100',
        name: 'web',
        owner: 'helm',
        status: 'deployed',
        version: '3',
      },
    ],
    [
      'a record read by query keeps its old createdAt, status and version are rewritten',
      {
        ...rel,
        labels: {
          team: 'a',
          name: 'web',
          owner: 'helm',
          status: 'pending-upgrade',
          version: '3',
          createdAt: '7',
        },
      },
      'modifiedAt',
      {
        team: 'a',
        createdAt: '7',
        modifiedAt: '100',
        name: 'web',
        owner: 'helm',
        status: 'deployed',
        version: '3',
      },
    ],
    [
      '[quirk] an old timestamp label among the release labels beats the fresh one',
      { ...rel, labels: { createdAt: '7', modifiedAt: '8' } },
      'modifiedAt',
      {
        createdAt: '7',
        modifiedAt: '8',
        name: 'web',
        owner: 'helm',
        status: 'deployed',
        version: '3',
      },
    ],
  ])('%s', (_n, r, key, want) => {
    expect(storageObjectLabels(r, { key, unixSeconds: 100 })).toEqual(want);
  });
});

describe('selectors and matching (labels.go, kblabels.Set.AsSelector)', () => {
  it('sorts keys', () => {
    expect(labelSelector({ status: 'deployed', name: 'web', owner: 'helm' })).toBe(
      'name=web,owner=helm,status=deployed',
    );
  });

  it('matches when every query label is equal', () => {
    expect(matchLabels({ name: 'a', owner: 'helm' }, { name: 'a' })).toBe(true);
    expect(matchLabels({ name: 'a' }, { name: 'a', owner: 'helm' })).toBe(false);
    expect(matchLabels({ name: 'a' }, {})).toBe(true);
  });
});

describe('label value validation (IsValidLabelValue)', () => {
  it.each<[string, number]>([
    ['', 0],
    ['my-release.1', 0],
    ['-bad', 1],
    ['a'.repeat(63), 0],
    ['a'.repeat(64), 1],
    ['-' + 'a'.repeat(64), 2],
  ])('%j has %d problems', (v, n) => {
    expect(labelValueErrors(v)).toHaveLength(n);
  });

  it('query rejects an invalid value with Helm wording', () => {
    expect(() => validateQueryLabels({ name: 'a b' })).toThrow(StorageError);
    expect(() => validateQueryLabels({ name: 'a b' })).toThrow(
      /^invalid label value: "a b": a valid label must be/,
    );
  });
});

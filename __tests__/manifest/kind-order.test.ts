// ORD-1, ORD-2 (helm/helm pkg/releaseutil/kind_sorter.go and kind_sorter_test.go).
import { describe, expect, it } from '@jest/globals';
import { INSTALL_ORDER, UNINSTALL_ORDER, sortByKind } from '../../src/manifest/kind-order.js';

const kinds = (list: string[], order = INSTALL_ORDER) => sortByKind(list, (k) => k, order);

describe('kind order data (helm-semantics 2.1)', () => {
  it('InstallOrder starts with PriorityClass and Namespace and ends with APIService', () => {
    expect(INSTALL_ORDER.slice(0, 2)).toEqual(['PriorityClass', 'Namespace']);
    expect(INSTALL_ORDER[INSTALL_ORDER.length - 1]).toBe('APIService');
    expect(INSTALL_ORDER).toHaveLength(36);
  });

  it('UninstallOrder is a permutation of InstallOrder, not its reverse (Service moves up)', () => {
    expect([...UNINSTALL_ORDER].sort()).toEqual([...INSTALL_ORDER].sort());
    expect(UNINSTALL_ORDER).not.toEqual([...INSTALL_ORDER].reverse());
    expect(UNINSTALL_ORDER.indexOf('Service')).toBe(3);
  });
});

describe('sortByKind (ORD-1, ORD-2)', () => {
  it('orders known kinds by InstallOrder', () => {
    expect(kinds(['Deployment', 'Service', 'ConfigMap', 'Namespace'])).toEqual([
      'Namespace',
      'ConfigMap',
      'Service',
      'Deployment',
    ]);
  });

  it('puts unknown kinds last, alphabetically, case-sensitively', () => {
    expect(kinds(['Zed', 'Deployment', 'alpha', 'Beta'])).toEqual([
      'Deployment',
      'Beta',
      'Zed',
      'alpha',
    ]);
  });

  it('is stable for equal kinds (ORD-1)', () => {
    const items = [
      { kind: 'ConfigMap', n: 1 },
      { kind: 'Secret', n: 2 },
      { kind: 'ConfigMap', n: 3 },
      { kind: 'Unknown', n: 4 },
      { kind: 'Unknown', n: 5 },
    ];
    expect(sortByKind(items, (i) => i.kind, INSTALL_ORDER).map((i) => i.n)).toEqual([
      2, 1, 3, 4, 5,
    ]);
  });

  it('uses UninstallOrder when given', () => {
    expect(kinds(['Namespace', 'Service', 'Deployment'], UNINSTALL_ORDER)).toEqual([
      'Service',
      'Deployment',
      'Namespace',
    ]);
  });
});

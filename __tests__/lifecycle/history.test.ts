/**
 * history() and formatHistory (helm/helm pkg/action/history.go, cmd/helm/history.go
 * getHistory/WriteTable, pkg/cli/output EncodeTable, v3.21.4; gosuri/uitable table.go and
 * util/strutil Resize for the layout).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Metadata } from '../../src/chart/types.js';
import { emptyMetadata } from '../../src/chart/types.js';
import { formatHistory, history, historyRow } from '../../src/lifecycle/history.js';
import { resize, uitable } from '../../src/lifecycle/history.js';
import { install } from '../../src/lifecycle/install.js';
import type { StoredChart } from '../../src/release/types.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, writeChart } from './install-fixtures.js';
import { GOLDEN_TIME, record } from './status-fixtures.js';

function chart(meta: Partial<Metadata>): StoredChart {
  return {
    metadata: { ...emptyMetadata(), ...meta },
    lock: null,
    templates: null,
    values: null,
    schema: null,
    files: null,
  };
}

describe('historyRow (getReleaseHistory)', () => {
  it('takes chart name-version, appVersion, Time.String of last_deployed', () => {
    const row = historyRow(
      record({
        version: 2,
        chart: chart({ name: 'web', version: '1.2.3', appVersion: '4.5' }),
        info: {
          last_deployed: '1977-09-02T22:04:05.25Z',
          status: 'deployed',
          description: 'Upgrade complete',
        },
      }),
    );
    expect(row).toEqual({
      revision: 2,
      updated: '1977-09-02 22:04:05.25 +0000 UTC',
      status: 'deployed',
      chart: 'web-1.2.3',
      appVersion: '4.5',
      description: 'Upgrade complete',
    });
  });

  it('prints MISSING without chart metadata and the zero time without last_deployed', () => {
    const row = historyRow(record({ info: { status: 'failed' } }));
    expect([row.updated, row.chart, row.appVersion]).toEqual([
      '0001-01-01 00:00:00 +0000 UTC',
      'MISSING',
      'MISSING',
    ]);
  });
});

describe('formatHistory (uitable, separator tab, every cell padded)', () => {
  it('lays out header and rows', () => {
    const rows = [
      {
        revision: 1,
        updated: '1977-09-02 22:04:05 +0000 UTC',
        status: 'superseded',
        chart: 'web-0.1.0',
        appVersion: '1.0',
        description: 'Install complete',
      },
      {
        revision: 10,
        updated: '1977-09-03 22:04:05 +0000 UTC',
        status: 'deployed',
        chart: 'web-0.1.10',
        appVersion: '',
        description: 'Upgrade complete',
      },
    ];
    expect(formatHistory(rows)).toBe(
      [
        'REVISION\tUPDATED                      \tSTATUS    \tCHART     \tAPP VERSION\tDESCRIPTION     ',
        '1       \t1977-09-02 22:04:05 +0000 UTC\tsuperseded\tweb-0.1.0 \t1.0        \tInstall complete',
        '10      \t1977-09-03 22:04:05 +0000 UTC\tdeployed  \tweb-0.1.10\t           \tUpgrade complete',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['pads right', 'ab', 4, 'ab  '],
    ['keeps an exact fit', 'abcd', 4, 'abcd'],
    ['cuts a longer text to n-3 bytes plus ...', 'abcdefgh', 6, 'abc...'],
    ['counts a newline as width 0', 'ab\ncd', 4, 'ab\ncd'],
  ])('strutil.Resize %s', (_name, s, n, want) => {
    expect(resize(s, n)).toBe(want);
  });

  it('cuts a multi-line cell (its total width exceeds its widest line) [quirk]', () => {
    // Widths: column 0 = 3 ("abc"); the cell "ab\nc" has width 3 == 3: kept and split.
    expect(
      uitable([
        ['abc', 'x'],
        ['ab\nc', 'y'],
      ]),
    ).toBe('abc\tx\nab \ty\nc  \t ');
    // "abcd\nefgh": width 8 > 4 → "a..." (one line).
    expect(uitable([['abcd\nefgh']])).toBe('a...');
  });

  it('is empty plus the newline for no rows other than the header', () => {
    expect(formatHistory([])).toBe('REVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\tDESCRIPTION\n');
  });
});

describe('history() against the simulator (pkg/action/history.go)', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster('history');
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('returns revisions ascending, keeps the newest max, and fails with release: not found', async () => {
    const cfg = config(c);
    const name = uniqueName('hist');
    const ch = writeChart('histchart', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await install(cfg, ch, { releaseName: name, namespace: c.namespace });
    const first = await cfg.storage.get(name, 1);
    await cfg.storage.update({ ...first, info: { ...first.info, status: 'superseded' } });
    await cfg.storage.create({
      ...first,
      version: 2,
      info: { ...first.info, last_deployed: GOLDEN_TIME, description: 'Upgrade complete' },
    });
    const rows = await history(cfg, name);
    expect(rows.map((r) => [r.revision, r.status, r.chart, r.description])).toEqual([
      [1, 'superseded', 'histchart-0.1.0', 'Install complete'],
      [2, 'deployed', 'histchart-0.1.0', 'Upgrade complete'],
    ]);
    expect(rows[1]?.updated).toBe('1977-09-02 22:04:05 +0000 UTC');
    expect((await history(cfg, name, { max: 1 })).map((r) => r.revision)).toEqual([2]);
    await expect(history(cfg, 'no-such-release')).rejects.toThrow('release: not found');
    await expect(history(cfg, 'Bad_Name')).rejects.toThrow('release name is invalid: Bad_Name');
  });
});

/**
 * Sprig date functions. Expected values come from real Helm v3.11.3 (sprig 3.2.3) output in
 * ../shared/conformance/generated (rendered with TZ=UTC), and from Go's time package rules
 * (golang/go:src/time/format.go) for the explicit-zone cases.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoInt } from '../../src/gotemplate/values.js';
import { dateFuncs } from '../../src/sprig/dates.js';
import type { GoTime } from '../../src/gotime/time.js';

const F = Object.fromEntries(dateFuncs.map((f) => [f.name, f]));
const call = (name: string, ...args: GoValue[]): GoValue => F[name].impl(...args);
const int = (n: number): GoInt => new GoInt(n, 'int');
const int64 = (n: number | bigint): GoInt => new GoInt(n, 'int64');
const toDate = (layout: string, value: string): GoTime => call('toDate', layout, value) as GoTime;
const json = (v: GoValue): string => (v as GoTime).marshalJSON();

let savedTZ: string | undefined;
beforeAll(() => {
  savedTZ = process.env.TZ;
  process.env.TZ = 'UTC';
});
afterAll(() => {
  if (savedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = savedTZ;
});

describe('sprig date function map', () => {
  it('registers every date name of sprig 3.2.3 (functions.go)', () => {
    expect(Object.keys(F).sort()).toEqual(
      [
        'ago',
        'date',
        'date_in_zone',
        'date_modify',
        'dateInZone',
        'dateModify',
        'duration',
        'durationRound',
        'htmlDate',
        'htmlDateInZone',
        'must_date_modify',
        'mustDateModify',
        'mustToDate',
        'now',
        'toDate',
        'unixEpoch',
      ].sort(),
    );
    expect(F.mustToDate.signature.returnsError).toBe(true);
    expect(F.date_in_zone.signature.params).toEqual(['string', 'any', 'string']);
  });
});

describe('date / dateInZone / htmlDate (Helm 3.11.3 goldens, TZ=UTC)', () => {
  it.each<[string, GoValue[], string]>([
    ['date', ['Jan 2, 2006 at 3:04pm (MST)', int(1700000000)], 'Nov 14, 2023 at 10:13pm (UTC)'],
    ['date', ['Jan 2, 2006 at 3:04pm (MST)', int(-86400)], 'Dec 31, 1969 at 12:00am (UTC)'],
    ['date', ['02 Jan 06 15:04 -0700', int(1700000000)], '14 Nov 23 22:13 +0000'],
    ['date', ['.000 Mon', int(951782400)], '.000 Tue'],
    ['date', ['2006-01-02', int64(42)], '1970-01-01'],
    ['date', ['20060102150405', int(1234567890)], '20090213233130'],
    ['date', ['Monday, 02-Jan-06', int64(1600000000)], 'Sunday, 13-Sep-20'],
    ['date', ['Z07:00 MST', int(0)], 'Z UTC'],
    ['dateInZone', ['2006-01-02T15:04:05Z07:00', int64(42), 'UTC'], '1970-01-01T00:00:42Z'],
    ['dateInZone', ['2006/01/02 15h04', int64(1600000000), 'UTC'], '2020/09/13 12h26'],
    ['date_in_zone', ['Monday, 02-Jan-06', int(951782400), 'UTC'], 'Tuesday, 29-Feb-00'],
    ['htmlDate', [int(1234567890)], '2009-02-13'],
    ['htmlDate', [int(-86400)], '1969-12-31'],
    ['htmlDateInZone', [int64(1600000000), 'UTC'], '2020-09-13'],
    ['htmlDateInZone', [int(951782400), 'UTC'], '2000-02-29'],
  ])('%s %j = %s', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });

  it('formats parsed dates in the zone they carry', () => {
    const t = toDate('2006-01-02T15:04:05Z07:00', '2017-07-14T02:40:00+02:00');
    expect(call('dateInZone', '15:04:05', t, 'UTC')).toBe('00:40:00');
    expect(call('date', '15:04:05', t)).toBe('00:40:00');
    expect(call('htmlDate', t)).toBe('2017-07-14');
  });

  it('treats an unknown zone as UTC and an unhandled date type as now (sprig dateInZone)', () => {
    expect(call('dateInZone', '2006-01-02', int(0), 'Not/AZone')).toBe('1970-01-01');
    const year = String(new Date().getUTCFullYear());
    expect(call('date', '2006', 1.5)).toBe(year);
    expect(call('date', '2006', new GoInt(5, 'int16'))).toBe(year);
  });

  it('uses the zone rules of an explicit IANA zone (America/New_York)', () => {
    const ny = 'America/New_York';
    expect(call('dateInZone', '2006-01-02 15:04:05 MST -07:00', int(1700000000), ny)).toBe(
      '2023-11-14 17:13:20 EST -05:00',
    );
    expect(call('dateInZone', '2006-01-02 15:04 MST Z0700', int(1690000000), ny)).toBe(
      '2023-07-22 00:26 EDT -0400',
    );
    expect(call('htmlDateInZone', int(1700000000 - 23 * 3600), ny)).toBe('2023-11-13');
  });

  it('follows the process zone for Local (TZ=America/New_York)', () => {
    process.env.TZ = 'America/New_York';
    try {
      expect(call('date', '2006-01-02 15:04 MST', int(0))).toBe('1969-12-31 19:00 EST');
      const t = toDate('2006-01-02 15:04', '2020-07-01 10:00');
      expect(json(t)).toBe('"2020-07-01T10:00:00-04:00"');
      expect(call('unixEpoch', t)).toBe('1593612000');
    } finally {
      process.env.TZ = 'UTC';
    }
  });
});

describe('toDate / mustToDate / unixEpoch (Helm 3.11.3 goldens)', () => {
  it.each<[string, string, string, string]>([
    [
      '2006-01-02T15:04:05Z07:00',
      '2017-07-14T02:40:00+02:00',
      '"2017-07-14T02:40:00+02:00"',
      '1499992800',
    ],
    ['2006-01-02', '2021-03-04', '"2021-03-04T00:00:00Z"', '1614816000'],
    ['02/01/2006', '29/02/2020', '"2020-02-29T00:00:00Z"', '1582934400'],
    ['2006-01-02 15:04', '1999-12-31 23:59', '"1999-12-31T23:59:00Z"', '946684740'],
  ])('toDate %s %s', (layout, value, wantJSON, wantEpoch) => {
    const t = toDate(layout, value);
    expect(json(t)).toBe(wantJSON);
    expect(call('unixEpoch', t)).toBe(wantEpoch);
    expect(json(call('mustToDate', layout, value))).toBe(wantJSON);
  });

  it("returns the zero time on a bad value, and mustToDate returns Go's ParseError", () => {
    const zero = toDate('2006-01-02', 'bad');
    expect(zero.goString()).toBe('0001-01-01 00:00:00 +0000 UTC');
    expect(call('unixEpoch', zero)).toBe('-62135596800');
    expect(() => call('mustToDate', '2006-01-02', 'bad')).toThrow(
      new FuncError('parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"'),
    );
    expect(() => call('mustToDate', '2006-01-02', '2020-02-30')).toThrow(
      'parsing time "2020-02-30": day out of range',
    );
    expect(() => call('mustToDate', '2006-01-02', '2020-01-02x')).toThrow(
      'parsing time "2020-01-02x": extra text: "x"',
    );
  });
});

describe('dateModify / mustDateModify (Helm 3.11.3 goldens)', () => {
  const base = (): GoTime => toDate('2006-01-02T15:04:05Z07:00', '2017-07-14T02:40:00+02:00');
  it.each<[string, string, string]>([
    ['dateModify', '+2h', '"2017-07-14T04:40:00+02:00"'],
    ['dateModify', '-1.5h', '"2017-07-14T01:10:00+02:00"'],
    ['date_modify', '1h1m1s', '"2017-07-14T03:41:01+02:00"'],
    ['mustDateModify', '90s', '"2017-07-14T02:41:30+02:00"'],
    ['must_date_modify', '-24h', '"2017-07-13T02:40:00+02:00"'],
    ['dateModify', 'bogus', '"2017-07-14T02:40:00+02:00"'],
  ])('%s %s', (name, spec, want) => {
    expect(json(call(name, spec, base()))).toBe(want);
  });

  it('crosses a day boundary in UTC', () => {
    expect(json(call('dateModify', '-1.5h', toDate('02/01/2006', '29/02/2020')))).toBe(
      '"2020-02-28T22:30:00Z"',
    );
    expect(
      json(call('mustDateModify', '15m', toDate('2006-01-02 15:04', '1999-12-31 23:59'))),
    ).toBe('"2000-01-01T00:14:00Z"');
  });

  it("fails with time.ParseDuration's message", () => {
    expect(() => call('mustDateModify', 'bogus', base())).toThrow(
      new FuncError('time: invalid duration "bogus"'),
    );
  });
});

describe('duration / durationRound / ago (sprig date.go)', () => {
  it.each<[GoValue, string]>([
    ['90', '1m30s'],
    ['3600', '1h0m0s'],
    ['86401', '24h0m1s'],
    ['-5', '-5s'],
    ['0', '0s'],
    ['abc', '0s'],
    [int64(3600), '1h0m0s'],
    // An int (a template constant) is not in sprig 3.2.3's type switch.
    [int(3), '0s'],
  ])('duration %j = %s', (arg, want) => {
    expect(call('duration', arg)).toBe(want);
  });

  it.each<[GoValue, string]>([
    ['1.5h', '1h'],
    ['1h0m0s', '60m'],
    ['2h10m5s', '2h'],
    ['36h5m', '1d'],
    ['3m5s', '3m'],
    ['4000h', '5mo'],
    ['800ms', '0s'],
    ['bogus', '0s'],
    ['-9000h', '1y'],
    [int64(3600000000000), '60m'],
    [int(3600000000000), '0s'],
  ])('durationRound %j = %s', (arg, want) => {
    expect(call('durationRound', arg)).toBe(want);
  });

  it('measures ago and durationRound of a time against now', () => {
    const hourAgo = (call('now') as GoTime).add(-3600n * 1000000000n - 400000000n);
    expect(call('ago', hourAgo)).toBe('1h0m0s');
    expect(call('durationRound', hourAgo)).toBe('1h');
    expect(call('ago', call('now'))).toBe('0s');
  });
});

describe('now', () => {
  it('returns a time.Time with a monotonic reading in its String form', () => {
    const t = call('now') as GoTime;
    expect(t.goType.name).toBe('time.Time');
    expect(t.goType.kind).toBe('struct');
    expect(t.goString()).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC m=\+\d+\.\d{9}$/,
    );
    expect(Math.abs(t.sec - Date.now() / 1000)).toBeLessThan(5);
  });
});

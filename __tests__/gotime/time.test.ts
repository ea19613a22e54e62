/**
 * Go time layouts, parsing and durations (golang/go:src/time/format.go, time.go). Expected
 * strings follow the documented meaning of each reference-layout element.
 */
import { describe, expect, it } from '@jest/globals';
import {
  DurationError,
  durationString,
  parseDuration,
  roundDuration,
  SECOND,
} from '../../src/gotime/duration.js';
import { GoTime, parseInLocation } from '../../src/gotime/time.js';
import { UTC, loadLocation } from '../../src/gotime/zone.js';

// 2009-11-10 23:04:05.123456789 UTC (a Tuesday, day 314 of the year)
const late = new GoTime(1257894245, 123456789, UTC);
// 2009-02-03 04:05:06 UTC (day 34)
const early = new GoTime(1233633906, 0, UTC);

describe('Time.Format layout elements', () => {
  it.each<[string, string, string]>([
    ['2006', '2009', '2009'],
    ['06', '09', '09'],
    ['_2006', '_2009', '_2009'],
    ['01', '11', '02'],
    ['1', '11', '2'],
    ['Jan', 'Nov', 'Feb'],
    ['January', 'November', 'February'],
    ['Jan.', 'Nov.', 'Feb.'],
    ['Janx', 'Janx', 'Janx'],
    ['Janet', 'Janet', 'Janet'],
    ['02', '10', '03'],
    ['2', '10', '3'],
    ['_2', '10', ' 3'],
    ['002', '314', '034'],
    ['__2', '314', ' 34'],
    ['15', '23', '04'],
    ['03', '11', '04'],
    ['3', '11', '4'],
    ['04', '04', '05'],
    ['4', '4', '5'],
    ['05', '05', '06'],
    ['5', '5', '6'],
    ['PM', 'PM', 'AM'],
    ['pm', 'pm', 'am'],
    ['Monday', 'Tuesday', 'Tuesday'],
    ['Mon', 'Tue', 'Tue'],
    ['Month', 'Month', 'Month'],
    ['MST', 'UTC', 'UTC'],
    ['-0700', '+0000', '+0000'],
    ['-07:00', '+00:00', '+00:00'],
    ['-07', '+00', '+00'],
    ['-070000', '+000000', '+000000'],
    ['-07:00:00', '+00:00:00', '+00:00:00'],
    ['Z0700', 'Z', 'Z'],
    ['Z07:00', 'Z', 'Z'],
    ['Z07', 'Z', 'Z'],
    ['.000', '.123', '.000'],
    [',000', ',123', ',000'],
    ['.000000000', '.123456789', '.000000000'],
    ['.999', '.123', ''],
    ['.999999999', '.123456789', ''],
    ['05.9', '05.1', '06'],
    // `.0` followed by more digits is not a fraction: `01` is then the month.
    ['.0001', '.0011', '.0002'],
  ])('%j', (layout, wantLate, wantEarly) => {
    expect(late.format(layout)).toBe(wantLate);
    expect(early.format(layout)).toBe(wantEarly);
  });

  it('formats offsets and fixed zones', () => {
    const t = new GoTime(1257894245, 0, { kind: 'fixed', name: '', offset: -(3 * 3600 + 30 * 60) });
    expect(t.format('-0700 -07:00 -07 Z07:00 MST')).toBe('-0330 -03:30 -03 -03:30 -0330');
    const u = new GoTime(0, 0, { kind: 'fixed', name: 'XYZ', offset: 5 * 3600 + 45 * 60 + 7 });
    expect(u.format('Z070000 Z07:00:00 MST')).toBe('+054507 +05:45:07 XYZ');
  });

  it('prints String() in Go form, trimming zero nanoseconds', () => {
    expect(late.goString()).toBe('2009-11-10 23:04:05.123456789 +0000 UTC');
    expect(early.goString()).toBe('2009-02-03 04:05:06 +0000 UTC');
    const ny = loadLocation('America/New_York');
    expect(ny).toBeDefined();
    if (ny) expect(late.in(ny).goString()).toBe('2009-11-10 18:04:05.123456789 -0500 EST');
  });

  it('handles years before 100 and the zero time', () => {
    const y5 = parseInLocation('2006-01-02', '0005-03-01', UTC);
    expect(y5.format('2006 06 Jan 2 Monday')).toBe('0005 05 Mar 1 Tuesday');
    expect(y5.addDate(0, 0, -1).format('2006-01-02')).toBe('0005-02-28');
  });
});

describe('time.Parse', () => {
  it.each<[string, string, string]>([
    ['Jan _2 15:04:05.000 2006', 'Feb  3 04:05:06.789 2021', '2021-02-03 04:05:06.789 +0000 UTC'],
    ['2006-01-02 15:04:05', '2021-02-03 04:05:06.25', '2021-02-03 04:05:06.25 +0000 UTC'],
    ['3:04pm', '12:30am', '0000-01-01 00:30:00 +0000 UTC'],
    ['3:04PM', '1:30PM', '0000-01-01 13:30:00 +0000 UTC'],
    ['06-002', '20-060', '2020-02-29 00:00:00 +0000 UTC'],
    ['January 2, 2006 MST', 'march 4, 2021 UTC', '2021-03-04 00:00:00 +0000 UTC'],
    ['2006-01-02T15:04:05Z07:00', '2021-03-04T05:06:07-03:30', '2021-03-04 05:06:07 -0330 -0330'],
    [
      '2006-01-02T15:04:05.999999999Z07:00',
      '2021-03-04T05:06:07.5Z',
      '2021-03-04 05:06:07.5 +0000 UTC',
    ],
    ['Mon Jan 2 2006', 'Thu Mar 4 2021', '2021-03-04 00:00:00 +0000 UTC'],
  ])('%j %j', (layout, value, want) => {
    expect(parseInLocation(layout, value, UTC).goString()).toBe(want);
  });

  it.each<[string, string, string]>([
    ['2006-01-02', 'bad', 'parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"'],
    [
      '2006-01-02',
      '2021-1-02',
      'parsing time "2021-1-02" as "2006-01-02": cannot parse "1-02" as "01"',
    ],
    ['2006-01-02', '2021-13-02', 'parsing time "2021-13-02": month out of range'],
    ['15:04', '25:00', 'parsing time "25:00": hour out of range'],
    ['2006-01-02', '2021-02-29', 'parsing time "2021-02-29": day out of range'],
    ['2006', '2021 ', 'parsing time "2021 ": extra text: " "'],
    ['Jan', 'Foo', 'parsing time "Foo" as "Jan": cannot parse "Foo" as "Jan"'],
    ['2006', 'é', 'parsing time "\\xc3\\xa9" as "2006": cannot parse "\\xc3\\xa9" as "2006"'],
  ])('%j %j fails', (layout, value, want) => {
    expect(() => parseInLocation(layout, value, UTC)).toThrow(want);
  });

  it('resolves wall times in an IANA location and keeps a matching zone', () => {
    const ny = loadLocation('America/New_York');
    if (!ny) throw new Error('no tz data');
    expect(parseInLocation('2006-01-02 15:04', '2021-07-01 12:00', ny).goString()).toBe(
      '2021-07-01 12:00:00 -0400 EDT',
    );
    expect(parseInLocation('2006-01-02 15:04 -0700', '2021-01-01 12:00 -0500', ny).goString()).toBe(
      '2021-01-01 12:00:00 -0500 EST',
    );
    expect(parseInLocation('2006-01-02 15:04 MST', '2021-01-01 12:00 EST', ny).goString()).toBe(
      '2021-01-01 12:00:00 -0500 EST',
    );
  });
});

describe('time.Duration', () => {
  it.each<[bigint, string]>([
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2200000n, '2.2ms'],
    [1500000000n, '1.5s'],
    [3723000000000n, '1h2m3s'],
    [-3723000000000n, '-1h2m3s'],
    [60000000000n, '1m0s'],
    [-(1n << 63n), '-2562047h47m16.854775808s'],
  ])('%s ns prints %s', (d, want) => {
    expect(durationString(d)).toBe(want);
  });

  it.each<[string, bigint]>([
    ['0', 0n],
    ['-0', 0n],
    ['1h2m3s', 3723n * SECOND],
    ['1.5h', 5400n * SECOND],
    ['+90s', 90n * SECOND],
    ['-1.5h', -5400n * SECOND],
    ['.5s', 500000000n],
    ['1µs', 1000n],
    ['1us2ns', 1002n],
    ['9223372036854775807ns', (1n << 63n) - 1n],
  ])('ParseDuration(%j)', (s, want) => {
    expect(parseDuration(s)).toBe(want);
  });

  it.each<[string, string]>([
    ['bogus', 'time: invalid duration "bogus"'],
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['.s', 'time: invalid duration ".s"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ])('ParseDuration(%j) fails', (s, want) => {
    expect(() => parseDuration(s)).toThrow(new DurationError(want));
  });

  it('rounds half away from zero', () => {
    expect(roundDuration(1500000000n, SECOND)).toBe(2n * SECOND);
    expect(roundDuration(1499999999n, SECOND)).toBe(SECOND);
    expect(roundDuration(-1500000000n, SECOND)).toBe(-2n * SECOND);
  });
});

// TOML datetimes are time.Time values (BurntSushi/toml parse.go valueDatetime tries
// time.ParseInLocation with RFC 3339 and the local layouts; encode.go writes each back with its
// own layout): the decoded value is a GoTime with time.Time's methods and Go's range checks.
import { describe, expect, it } from '@jest/globals';
import { GoTime } from '../../src/gotime/time.js';
import { parseDatetime } from '../../src/toml/datetime-parse.js';

describe('parseDatetime', () => {
  it.each<[string, string, string]>([
    ['1979-05-27T07:32:00Z', '1979-05-27 07:32:00 +0000 UTC', '1979-05-27T07:32:00Z'],
    ['1979-05-27T07:32:00+05:30', '1979-05-27 07:32:00 +0530 +0530', '1979-05-27T07:32:00+05:30'],
    [
      '1979-05-27T07:32:00.5',
      '1979-05-27 07:32:00.5 +0000 datetime-local',
      '1979-05-27T07:32:00.5',
    ],
    ['2000-02-29', '2000-02-29 00:00:00 +0000 date-local', '2000-02-29'],
    ['23:59:59.000000001', '0000-01-01 23:59:59.000000001 +0000 time-local', '23:59:59.000000001'],
  ])('%s', (literal, str, toml) => {
    const t = parseDatetime(literal);
    expect(t).toBeInstanceOf(GoTime);
    expect(t?.goString()).toBe(str);
    expect(t?.tomlText()).toBe(toml);
  });

  it('has time.Time methods', () => {
    const t = parseDatetime('1979-05-27T07:32:00Z');
    const year = t?.goType.methods?.Year?.impl();
    expect(year?.toString()).toBe('1979');
  });

  it.each(['1900-02-29', '1979-13-01', '1979-05-27T24:00:00Z', '1979-05-27T07:60:00', '07:32:60'])(
    '%s is rejected',
    (literal) => {
      expect(parseDatetime(literal)).toBeUndefined();
    },
  );
});

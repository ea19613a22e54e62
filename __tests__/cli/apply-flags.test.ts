/**
 * The command-line side of design decision 8: Helm 4's `--server-side auto|true|false` (bare
 * flag = true), `--force-conflicts`, and `--dry-run[=client|server|none]` with pflag's
 * NoOptDefVal (a bare `--dry-run` is `client`; booleans still accepted as Helm 4 does).
 */
import { describe, expect, it } from '@jest/globals';
import { parseArgs } from '../../src/cli/args.js';
import {
  APPLY_FLAGS,
  DRY_RUN_FLAG,
  INSTALL_APPLY_FLAGS,
  applyOptions,
  dryRunOption,
} from '../../src/cli/release-flags.js';

const parse = (...argv: string[]) => parseArgs(argv, [...APPLY_FLAGS, DRY_RUN_FLAG]);
const parseInstall = (...argv: string[]) => parseArgs(argv, [...INSTALL_APPLY_FLAGS, DRY_RUN_FLAG]);

describe('--server-side and --force-conflicts', () => {
  it.each([
    [[], 'auto'],
    [['--server-side', 'false'], 'false'],
    [['--server-side=true'], 'true'],
  ])('upgrade/rollback (a string flag, as Helm 4): %j -> %s', (argv, want) => {
    expect(applyOptions(parse(...argv)).serverSide).toBe(want);
  });

  it.each([
    [[], 'auto'],
    [['--server-side'], 'true'],
    [['--server-side=false'], 'false'],
  ])('install (a bool flag in Helm 4, auto accepted): %j -> %s', (argv, want) => {
    expect(applyOptions(parseInstall(...argv)).serverSide).toBe(want);
  });

  it('install: a bare --server-side does not swallow the release name', () => {
    expect(parseInstall('--server-side', 'rel', 'chart').positionals).toEqual(['rel', 'chart']);
  });

  it('refuses other values with Helm 4 text and reads --force-conflicts', () => {
    expect(() => applyOptions(parse('--server-side=maybe'))).toThrow(
      'invalid/unknown release server-side apply method: maybe',
    );
    expect(applyOptions(parse('--force-conflicts')).forceConflicts).toBe(true);
  });
});

describe('--dry-run (Helm 4 cmdGetDryRunFlagStrategy)', () => {
  it.each([
    [[], undefined],
    [['--dry-run'], 'client'],
    [['--dry-run=client'], 'client'],
    [['--dry-run=server'], 'server'],
    [['--dry-run=none'], undefined],
    [['--dry-run=true'], 'client'],
    [['--dry-run=false'], undefined],
  ])('%j -> %s', (argv, want) => {
    expect(dryRunOption(parse(...argv))).toBe(want);
  });

  it('a bare --dry-run does not swallow the next argument', () => {
    const args = parse('--dry-run', 'release', 'chart');
    expect(args.positionals).toEqual(['release', 'chart']);
  });

  it('refuses other values', () => {
    expect(() => dryRunOption(parse('--dry-run=later'))).toThrow(
      'invalid dry-run value ("later"). Must be "none", "server", or "client"',
    );
  });
});

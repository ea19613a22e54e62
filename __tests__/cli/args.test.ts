// pflag's syntax as Helm's commands accept it (spf13/pflag flag.go parseLongArg/parseShortArg).
import { describe, expect, it } from '@jest/globals';
import { UsageError, parseArgs, splitSlice, type FlagSpec } from '../../src/cli/args.js';

const specs: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'debug', kind: 'bool' },
  { name: 'set', kind: 'stringArray' },
  { name: 'values', short: 'f', kind: 'stringSlice' },
  { name: 'generate-name', short: 'g', kind: 'bool' },
];

describe('parseArgs', () => {
  it('reads long flags with = or a separate value, and positionals anywhere', () => {
    const a = parseArgs(['rel', '--namespace', 'ns', 'chart', '--debug', '--set=a=1,b=2'], specs);
    expect(a.positionals).toEqual(['rel', 'chart']);
    expect(a.strings.get('namespace')).toBe('ns');
    expect(a.bools.get('debug')).toBe(true);
    expect(a.lists.get('set')).toEqual(['a=1,b=2']);
  });

  it('stringSlice flags split on commas, stringArray flags do not', () => {
    const a = parseArgs(['-f', 'a.yaml,b.yaml', '--values', 'c.yaml', '--set', 'x={a,b}'], specs);
    expect(a.lists.get('values')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(a.lists.get('set')).toEqual(['x={a,b}']);
  });

  it('short flags take attached or separate values and combine booleans', () => {
    expect(parseArgs(['-nns'], specs).strings.get('namespace')).toBe('ns');
    expect(parseArgs(['-n=ns'], specs).strings.get('namespace')).toBe('ns');
    const a = parseArgs(['-gn', 'x'], specs);
    expect(a.bools.get('generate-name')).toBe(true);
    expect(a.strings.get('namespace')).toBe('x');
  });

  it('booleans accept strconv.ParseBool words', () => {
    expect(parseArgs(['--debug=false'], specs).bools.get('debug')).toBe(false);
    expect(parseArgs(['--debug=T'], specs).bools.get('debug')).toBe(true);
    expect(() => parseArgs(['--debug=yes'], specs)).toThrow(UsageError);
  });

  it('-- ends flags', () => {
    expect(parseArgs(['--', '--debug'], specs).positionals).toEqual(['--debug']);
  });

  it.each([
    [['--nope'], 'unknown flag: --nope'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['--namespace'], 'flag needs an argument: --namespace'],
  ])('%j fails: %s', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(message);
  });
});

describe('splitSlice', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['', []],
    ['"a,b",c', ['a,b', 'c']],
    ['a,,b', ['a', '', 'b']],
  ])('%j', (input, expected) => {
    expect(splitSlice(input)).toEqual(expected);
  });
});

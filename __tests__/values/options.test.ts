// Options.MergeValues: helm pkg/cli/values/options.go (v3.21, §6.1): fixed order -f, --set-json,
// --set, --set-string, --set-file, --set-literal, whatever the order of the flags.
import { describe, expect, it } from '@jest/globals';
import { GoInt } from '../../src/gotemplate/values.js';
import { mergeMaps, mergeUserValues, ValuesOptionError } from '../../src/values/options.js';
import { goMap } from './helpers.js';

const files: Record<string, string> = {
  'a.yaml': 'x: fromA\nnested:\n  a: 1\n  keep: true\nlist: [1, 2]\n',
  'b.yaml': 'nested:\n  a: 2\nlist: [3]\n',
  'bad.yaml': 'a: [\n',
  'content.txt': 'file body\n',
};
const read = (p: string): string => {
  const f = files[p];
  if (f === undefined) throw new Error(`open ${p}: no such file or directory`);
  return f;
};

describe('mergeUserValues', () => {
  it('deep-merges values files left to right; lists are replaced', () => {
    expect(mergeUserValues({ valueFiles: ['a.yaml', 'b.yaml'] }, read)).toEqual(
      goMap({ x: 'fromA', nested: { a: 2, keep: true }, list: [3] }),
    );
  });

  it('applies the kinds in Helm order: later kinds win', () => {
    const out = mergeUserValues(
      {
        literalValues: ['k=literal,with,commas'],
        fileValues: ['f=content.txt'],
        stringValues: ['k=string', 'n=5'],
        values: ['k=set', 'n=5', 'j=set'],
        jsonValues: ['j={"from":"json"}', '{"obj":{"a":[1]}}'],
        valueFiles: ['a.yaml'],
      },
      read,
    );
    expect(out['k']).toBe('literal,with,commas');
    expect(out['n']).toBe('5');
    expect(out['j']).toBe('set');
    expect(out['f']).toBe('file body\n');
    expect(out['obj']).toEqual(goMap({ a: [1] }));
    expect(out['x']).toBe('fromA');
  });

  it('--set keeps int64 typing (VAL-1)', () => {
    expect(mergeUserValues({ values: ['age=-5'] }, read)['age']).toEqual(new GoInt(-5, 'int64'));
  });

  it.each([
    [{ valueFiles: ['bad.yaml'] }, /^failed to parse bad\.yaml: /],
    [{ values: ['a'] }, 'failed parsing --set data: key "a" has no value'],
    [
      { stringValues: ['a,'] },
      'failed parsing --set-string data: key "a" has no value (cannot end with ,)',
    ],
    [{ jsonValues: ['{bad'] }, 'failed parsing --set-json data JSON: {bad'],
    [
      { fileValues: ['a=missing'] },
      'failed parsing --set-file data: open missing: no such file or directory',
    ],
    [{ literalValues: ['a'] }, 'failed parsing --set-literal data: key "a" has no value'],
  ] as const)('%j fails', (opts, message) => {
    expect(() => mergeUserValues(opts, read)).toThrow(ValuesOptionError);
    expect(() => mergeUserValues(opts, read)).toThrow(message);
  });
});

describe('mergeMaps', () => {
  it('merges maps recursively and replaces everything else', () => {
    expect(
      mergeMaps(
        goMap({ a: { b: 1, c: 2 }, l: [1], s: 'x' }),
        goMap({ a: { b: 3 }, l: [2], s: { t: 1 } }),
      ),
    ).toEqual(goMap({ a: { b: 3, c: 2 }, l: [2], s: { t: 1 } }));
  });
});

/**
 * action.yml declares exactly the inputs and outputs the code reads and sets (input-names.ts is
 * the single source), runs on node24 from dist/index.js, and its defaults parse.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES, Output, type InputName } from '../../src/action/input-names.js';
import { parseInputs } from '../../src/action/inputs.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

const yml = parse(
  readFileSync(resolve(import.meta.dirname, '..', '..', 'action.yml'), 'utf8'),
) as ActionYml;

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares every input and output, each described', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(Output).sort());
    for (const v of [...Object.values(yml.inputs), ...Object.values(yml.outputs)]) {
      expect(v.description.length).toBeGreaterThan(5);
    }
  });

  it('has defaults that parse to the same values as empty inputs (command upgrade)', () => {
    const given: Partial<Record<InputName, string>> = {
      release: 'r',
      chart: 'c',
      kubeconfig: 'kind: Config',
    };
    const withDefaults = (name: InputName) => given[name] ?? yml.inputs[name]?.default ?? '';
    const empty = (name: InputName) => given[name] ?? '';
    expect(yml.inputs.command?.default).toBe('upgrade');
    expect(parseInputs(withDefaults)).toEqual(parseInputs(empty));
  });
});

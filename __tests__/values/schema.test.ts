// values.schema.json validation (VAL-13): the install cases of conformance/helm-template/cases.json
// (cmd/helm/install_test.go v3.21.4) print exactly these messages after `Error: INSTALLATION
// FAILED: `; the install-status cases must validate. Reasons are worded like
// santhosh-tekuri/jsonschema v6 (kind/kind.go).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadChart } from '../../src/chart/directory.js';
import { processDependencies } from '../../src/values/dependencies.js';
import { mergeUserValues } from '../../src/values/options.js';
import { coalesceValues } from '../../src/values/coalesce.js';
import { goFloat, quote } from '../../src/values/schema-messages.js';
import {
  SchemaValidationError,
  validateAgainstSchema,
  validateAgainstSingleSchema,
} from '../../src/values/schema.js';
import { goMap } from './helpers.js';

const ROOT = '/work/shared/conformance/helm-template';

interface CliCase {
  id: string;
  command: string;
  chart: string;
  args: string[];
  golden: string;
  golden_kind: string;
}

const cases = (JSON.parse(readFileSync(path.join(ROOT, 'cases.json'), 'utf8')) as CliCase[]).filter(
  (c) =>
    c.command === 'install' &&
    (c.golden_kind === 'install-error' || c.golden_kind === 'install-status'),
);

function runInstallValues(c: CliCase): string {
  const valueFiles: string[] = [];
  const values: string[] = [];
  let skip = false;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i] as string;
    if (a === '-f') valueFiles.push(path.join(ROOT, c.args[++i] as string));
    else if (a === '--set') values.push(c.args[++i] as string);
    else if (a === '--skip-schema-validation') skip = true;
    else if (a === '--kube-version') i++;
  }
  const chart = loadChart(path.join(ROOT, c.chart));
  const user = mergeUserValues({ valueFiles, values }, (p) => readFileSync(p));
  processDependencies(chart, user);
  if (skip) return '';
  try {
    validateAgainstSchema(chart, coalesceValues(chart, user));
    return '';
  } catch (e) {
    if (e instanceof SchemaValidationError) return `Error: INSTALLATION FAILED: ${e.message}\n`;
    throw e;
  }
}

describe('install cases with schemas (cases.json)', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const out = runInstallValues(c);
    if (c.golden_kind === 'install-error')
      expect(out).toBe(readFileSync(path.join(ROOT, c.golden), 'utf8'));
    else expect(out).toBe('');
  });
});

const enc = (o: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(o));

describe('v6 reasons (kind/kind.go)', () => {
  it.each([
    [{ type: 'integer' }, { a: 'x' }, "- at '/a': got string, want integer"],
    [{ type: ['string', 'null'] }, { a: 1 }, "- at '/a': got number, want string or null"],
    [{ enum: ['a', 'b'] }, { a: 'c' }, "- at '/a': value must be one of 'a', 'b'"],
    [{ const: 3 }, { a: 4 }, "- at '/a': value must be 3"],
    [{ maximum: 10 }, { a: 11.5 }, "- at '/a': maximum: got 11.5, want 10"],
    [{ exclusiveMinimum: 0 }, { a: 0 }, "- at '/a': exclusiveMinimum: got 0, want 0"],
    [{ minLength: 1 }, { a: '' }, "- at '/a': minLength: got 0, want 1"],
    [{ maxItems: 1 }, { a: [1, 2] }, "- at '/a': maxItems: got 2, want 1"],
    [{ pattern: '^x' }, { a: 'y' }, "- at '/a': 'y' does not match pattern '^x'"],
    [{ uniqueItems: true }, { a: [1, 1] }, "- at '/a': items at 0 and 1 are equal"],
    [{ multipleOf: 2 }, { a: 3 }, "- at '/a': multipleOf: got 3, want 2"],
  ] as const)('%j', (prop, values, line) => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', properties: { a: prop } };
    expect(validateAgainstSingleSchema(goMap(values), enc(schema))).toBe(`${line}\n`);
  });

  it('merges required and additionalProperties lists into one reason', () => {
    const schema = {
      required: ['x', 'y'],
      additionalProperties: false,
      properties: { x: {}, y: {} },
    };
    expect(validateAgainstSingleSchema(goMap({ p: 1, q: 2 }), enc(schema))).toBe(
      "- at '': missing properties 'x', 'y'\n- at '': additional properties 'p', 'q' not allowed\n",
    );
  });

  it('nests anyOf causes under the group', () => {
    const schema = { properties: { a: { anyOf: [{ type: 'string' }, { type: 'integer' }] } } };
    expect(validateAgainstSingleSchema(goMap({ a: true }), enc(schema))).toBe(
      "- at '/a': 'anyOf' failed\n  - at '/a': got boolean, want string\n  - at '/a': got boolean, want integer\n",
    );
  });

  it('groups allOf causes at the instance the allOf applies to (helm#31177 output)', () => {
    const schema = {
      properties: {
        microservice: { allOf: [{ properties: { ingress: false } }, { required: ['x'] }] },
      },
    };
    expect(validateAgainstSingleSchema(goMap({ microservice: { ingress: {} } }), enc(schema))).toBe(
      "- at '/microservice': 'allOf' failed\n  - at '/microservice/ingress': false schema\n  - at '/microservice': missing property 'x'\n",
    );
  });

  it('reports a non-map subchart value', () => {
    const schema = enc({ type: 'object' });
    const sub = { metadata: { name: 'sub' }, schema, dependencies: [], values: goMap({}) };
    const top = { metadata: { name: 'top' }, schema: null, dependencies: [sub], values: goMap({}) };
    expect(() => validateAgainstSchema(top as never, goMap({ sub: 'x' }))).toThrow(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\ninvalid type for values: expected object (map), got string\n",
    );
  });

  it.each([
    [-5, '-5'],
    [0.5, '0.5'],
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
  ] as const)('Go %%v of %p', (n, s) => {
    expect(goFloat(n)).toBe(s);
  });

  it('quotes like v6 quote()', () => {
    expect(quote("it's")).toBe("'it\\'s'");
    expect(quote('a"b')).toBe("'a\"b'");
  });
});

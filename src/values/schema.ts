/**
 * values.schema.json validation, mirroring helm pkg/chartutil/jsonschema.go (v3.21, VAL-13):
 * each chart's schema validates its final coalesced values, subcharts against their own
 * sub-table (skipped when absent or null). ajv does the validating (draft-07 by default,
 * 2019-09 and 2020-12 by `$schema`); messages are reworded as santhosh-tekuri/jsonschema v6.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  GoInt,
  GoStruct,
  GoFuncValue,
  isMap,
  isSlice,
  type GoMap,
  type GoValue,
} from '../gotemplate/values.js';
import type { Chart } from '../chart/types.js';
import { messageFor, quote } from './schema-messages.js';
import { buildErrorTree, type ErrorNode } from './schema-tree.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const SCHEMA_ERROR_PREFIX =
  "values don't meet the specifications of the schema(s) in the following chart(s):\n";

export class SchemaValidationError extends Error {
  constructor(readonly details: string) {
    super(`${SCHEMA_ERROR_PREFIX}${details}`);
    this.name = 'SchemaValidationError';
  }
}

/** Go values → JSON the validator sees (int64 as numbers, []byte as base64 like encoding/json). */
export function toJson(v: GoValue): unknown {
  if (v instanceof GoInt) return v.toNumber();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (isSlice(v)) return v.map(toJson);
  if (v instanceof GoStruct || v instanceof GoFuncValue) return null;
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      Object.defineProperty(out, k, {
        value: toJson(v[k] as GoValue),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return v;
}

/** Meta-schema URLs ajv knows (draft-07 core); others are dropped before compiling. */
const AJV_DRAFT7 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/**
 * Pick the ajv dialect from `$schema` the way jsonschema v6 picks a draft: 2020-12 and 2019-09
 * by URL, `https://json-schema.org/schema` (the "latest" alias) as 2020-12, draft-04/06 with the
 * draft-07 vocabulary. Returns the schema to compile (with an unknown `$schema` removed, since
 * ajv refuses meta-schemas it has not loaded).
 */
function makeAjv(schema: Record<string, unknown>): { ajv: Ajv; schema: Record<string, unknown> } {
  const dialect = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
  const opts = { allErrors: true, verbose: true, strict: false, validateFormats: true } as const;
  const withoutDialect = () => {
    const copy = { ...schema };
    delete copy['$schema'];
    return copy;
  };
  if (dialect.includes('2020-12')) {
    return { ajv: new Ajv2020({ ...opts, validateFormats: false }) as unknown as Ajv, schema };
  }
  if (dialect.includes('2019-09')) {
    return { ajv: new Ajv2019({ ...opts, validateFormats: false }) as unknown as Ajv, schema };
  }
  if (/^https?:\/\/json-schema\.org\/schema#?$/.test(dialect)) {
    return {
      ajv: new Ajv2020({ ...opts, validateFormats: false }) as unknown as Ajv,
      schema: withoutDialect(),
    };
  }
  // Draft-04/06 schemas validate with the draft-07 vocabulary; ajv has no meta-schema for them.
  const older = dialect.includes('draft-04') || dialect.includes('draft-06');
  const ajv = addFormats(new Ajv({ ...opts, validateSchema: !older }));
  return { ajv, schema: dialect === '' || AJV_DRAFT7.test(dialect) ? schema : withoutDialect() };
}

function render(nodes: ErrorNode[], depth: number, out: string[]): void {
  for (const n of nodes) {
    out.push(
      `${'  '.repeat(depth)}- at ${quote(n.error.instancePath)}: ${messageFor(n.error, n.extra)}`,
    );
    render(n.children, depth + 1, out);
  }
}

const compiled = new WeakMap<Uint8Array, ValidateFunction>();

function compile(schemaBytes: Uint8Array): ValidateFunction {
  const cached = compiled.get(schemaBytes);
  if (cached) return cached;
  const schema = JSON.parse(new TextDecoder().decode(schemaBytes)) as Record<string, unknown>;
  const { ajv, schema: compilable } = makeAjv(schema);
  const validate = ajv.compile(compilable);
  compiled.set(schemaBytes, validate);
  return validate;
}

/** ValidateAgainstSingleSchema: '' when valid, else the `- at ...` lines plus a newline. */
export function validateAgainstSingleSchema(values: GoMap, schemaBytes: Uint8Array): string {
  let validate: ValidateFunction;
  try {
    validate = compile(schemaBytes);
  } catch (e) {
    return `${(e as Error).message}\n`;
  }
  if (validate(toJson(values))) return '';
  const lines: string[] = [];
  render(buildErrorTree(validate.errors ?? []), 0, lines);
  return `${lines.join('\n')}\n`;
}

function typeNameOf(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (v instanceof GoInt) return v.type;
  if (isSlice(v)) return '[]interface {}';
  return 'interface {}';
}

/** ValidateAgainstSchema's per-chart report ('' when everything validates). */
export function schemaReport(chart: Chart, values: GoMap): string {
  let sb = '';
  if (chart.schema) {
    const err = validateAgainstSingleSchema(values, chart.schema);
    if (err) sb += `${chart.metadata.name}:\n${err}`;
  }
  for (const sub of chart.dependencies) {
    const raw = values[sub.metadata.name];
    if (raw === undefined || raw === null) continue;
    if (!isMap(raw)) {
      sb += `${sub.metadata.name}:\ninvalid type for values: expected object (map), got ${typeNameOf(raw)}\n`;
      continue;
    }
    sb += schemaReport(sub, raw);
  }
  return sb;
}

/** ToRenderValues' schema step: throws SchemaValidationError with Helm's message. */
export function validateAgainstSchema(chart: Chart, values: GoMap): void {
  const report = schemaReport(chart, values);
  if (report) throw new SchemaValidationError(report);
}

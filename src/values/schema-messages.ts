/**
 * Validation messages worded like santhosh-tekuri/jsonschema v6 (the library Helm 3.21 uses,
 * kind/kind.go), produced from ajv errors: `missing property 'x'`, `minimum: got -5, want 0`,
 * `got string, want integer`, … and the indented `- at '<pointer>': <message>` listing.
 */
import type { ErrorObject } from 'ajv';

/** v6 quote(): Go %q with single quotes. */
export function quote(s: string): string {
  const q = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${q}'`;
}

/** Go's %v of a float64: shortest digits, exponent form below 1e-4 or from 1e21. */
export function goFloat(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, expS] = v.toExponential().split('e') as [string, string];
  const exp = Number(expS);
  if (exp < -4 || exp >= 21) {
    const sign = exp < 0 ? '-' : '+';
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(v);
}

/** v6 display(): strings quoted, composites as `value`, others %v. */
function display(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (v === null) return '<nil>';
  if (typeof v === 'object') return 'value';
  if (typeof v === 'number') return goFloat(v);
  return String(v);
}

/** v6 jsonType names. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v;
}

function length(v: unknown): number {
  return typeof v === 'string' ? [...v].length : Array.isArray(v) ? v.length : 0;
}

const LIMIT_NAMES: Record<string, string> = {
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'exclusiveMinimum',
  exclusiveMaximum: 'exclusiveMaximum',
};

function limitMessage(e: ErrorObject): string {
  const p = e.params as { comparison?: string; limit?: number };
  let name = LIMIT_NAMES[e.keyword] ?? e.keyword;
  // Draft-04 style boolean exclusive limits report through minimum/maximum in ajv.
  if (p.comparison === '>') name = 'exclusiveMinimum';
  if (p.comparison === '<') name = 'exclusiveMaximum';
  return `${name}: got ${goFloat(Number(e.data))}, want ${goFloat(Number(p.limit))}`;
}

function enumMessage(want: unknown[]): string {
  if (want.some((w) => w !== null && typeof w === 'object')) return 'enum failed';
  if (want.length === 1) return `value must be ${display(want[0])}`;
  return `value must be one of ${want.map(display).join(', ')}`;
}

/** The v6 message for one ajv error (already merged: see mergeErrors). */
export function messageFor(e: ErrorObject, extra: string[] = []): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = [String(p['missingProperty']), ...extra];
      return missing.length === 1
        ? `missing property ${quote(missing[0] as string)}`
        : `missing properties ${missing.map(quote).join(', ')}`;
    }
    case 'type': {
      const want = Array.isArray(e.schema) ? (e.schema as string[]) : [String(e.schema)];
      return `got ${jsonType(e.data)}, want ${want.join(' or ')}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return limitMessage(e);
    case 'multipleOf':
      return `multipleOf: got ${goFloat(Number(e.data))}, want ${goFloat(Number(p['multipleOf']))}`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return `${e.keyword}: got ${length(e.data)}, want ${String(p['limit'])}`;
    case 'minProperties':
    case 'maxProperties':
      return `${e.keyword}: got ${Object.keys(e.data as object).length}, want ${String(p['limit'])}`;
    case 'enum':
      return enumMessage(e.schema as unknown[]);
    case 'const':
      return e.schema !== null && typeof e.schema === 'object'
        ? 'const failed'
        : `value must be ${display(e.schema)}`;
    case 'pattern':
      return `${quote(String(e.data))} does not match pattern ${quote(String(p['pattern']))}`;
    case 'format':
      return `${display(e.data)} is not valid ${quote(String(p['format']))}`;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const props = [String(p['additionalProperty'] ?? p['unevaluatedProperty']), ...extra];
      return `additional properties ${props.map(quote).join(', ')} not allowed`;
    }
    case 'uniqueItems': {
      const i = Number(p['i']);
      const j = Number(p['j']);
      return `items at ${Math.min(i, j)} and ${Math.max(i, j)} are equal`;
    }
    case 'dependencies':
    case 'dependentRequired':
      return `properties ${[String(p['missingProperty']), ...extra].map(quote).join(', ')} required, if ${quote(String(p['property']))} exists`;
    case 'propertyNames':
      return `invalid property ${quote(String(p['propertyName']))}`;
    case 'contains':
      return 'no items match contains schema';
    case 'not':
      return "'not' failed";
    case 'false schema':
      return 'false schema';
    case 'anyOf':
      return "'anyOf' failed";
    case 'allOf':
      return "'allOf' failed";
    case 'oneOf': {
      const passing = p['passingSchemas'] as number[] | null;
      return passing
        ? `'oneOf' failed, subschemas ${passing[0]}, ${passing[1]} matched`
        : "'oneOf' failed, none matched";
    }
    case 'additionalItems':
    case 'items':
      return `last ${length(e.data) - Number(p['limit'])} additionalItem(s) not allowed`;
    default:
      return e.message ?? `${e.keyword} failed`;
  }
}

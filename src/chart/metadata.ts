/**
 * Chart.yaml / requirements.yaml / Chart.lock decoding and validation, mirroring helm
 * pkg/chart/{metadata,dependency,errors}.go (v3.21). Decoding follows sigs.k8s.io/yaml: YAML → JSON
 * → encoding/json into the Go structs, so a value of the wrong JSON type is an unmarshal error and
 * field names match case-insensitively.
 */
import { isMap, isSlice, mapGet, type GoMap, type GoValue } from '../gotemplate/values.js';
import { isValidSemver } from './semver.js';
import type { Dependency, Lock, Maintainer, Metadata } from './types.js';
import { emptyMetadata } from './types.js';
import { pathBase } from '../util/go-path.js';
import { quote as goQuote } from '../gotemplate/strconv.js';

/** chart.ValidationError: prints as `validation: <msg>`. */
export class ChartValidationError extends Error {
  constructor(readonly reason: string) {
    super(`validation: ${reason}`);
    this.name = 'ChartValidationError';
  }
}

/** A JSON type mismatch while decoding a chart file into Helm's structs. */
export class ChartDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartDecodeError';
  }
}

function jsonTypeName(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (isSlice(v)) return 'array';
  if (isMap(v)) return 'object';
  return 'number';
}

function mismatch(v: GoValue, struct: string, field: string, goType: string): ChartDecodeError {
  return new ChartDecodeError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${struct}.${field} of type ${goType}`,
  );
}

/**
 * Lists and maps that were present in the input: Go keeps a JSON `[]` / `{}` as an empty non-nil
 * slice or map, while an absent or `null` field stays nil (JSON `null` in templates). Marking the
 * decoded collections keeps that distinction without widening the Metadata type: an empty
 * collection that is not marked is nil, whoever made it (processDependencyEnabled, for one,
 * rebuilds Metadata.Dependencies with `append(nil, ...)`, nil when nothing is left).
 */
const DECODED = new WeakSet<object>();

function decoded<T extends object>(v: T): T {
  DECODED.add(v);
  return v;
}

/** True when an empty list or map of the chart model stands for a Go nil slice or map. */
export function isNilCollection(
  v: readonly unknown[] | Readonly<Record<string, unknown>>,
): boolean {
  const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
  return empty && !DECODED.has(v);
}

/** encoding/json field lookup: exact key first, then case-insensitive. */
function field(m: GoMap, name: string): GoValue | undefined {
  const exact = mapGet(m, name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const k of Object.keys(m)) if (k.toLowerCase() === lower) return m[k];
  return undefined;
}

class Decoder {
  constructor(
    private readonly m: GoMap,
    private readonly struct: string,
  ) {}

  /**
   * A field of Go type `goType`: its zero value when absent or null, a type error when the JSON
   * value is of another type, else what `read` makes of it.
   */
  private decode<U extends GoValue, T>(
    name: string,
    goType: string,
    zero: T,
    is: (v: GoValue) => v is U,
    read: (v: U) => T,
  ): T {
    const v = field(this.m, name);
    if (v === undefined || v === null) return zero;
    if (!is(v)) throw mismatch(v, this.struct, name, goType);
    return read(v);
  }

  /** An element of a []string or map[string]string field (null decodes to ""). */
  private element(item: GoValue, name: string): string {
    if (item !== null && typeof item !== 'string')
      throw mismatch(item, this.struct, name, 'string');
    return item ?? '';
  }

  str(name: string): string {
    return this.decode(
      name,
      'string',
      '',
      (v): v is string => typeof v === 'string',
      (v) => v,
    );
  }

  bool(name: string): boolean {
    return this.decode(
      name,
      'bool',
      false,
      (v): v is boolean => typeof v === 'boolean',
      (v) => v,
    );
  }

  strings(name: string): string[] {
    return this.decode<GoValue[], string[]>(name, '[]string', [], isSlice, (v) =>
      decoded(v.map((item) => this.element(item, name))),
    );
  }

  /** A list field; `each` decodes the elements (the result is marked as present). */
  list<T = GoValue>(name: string, goType: string, each?: (v: GoValue) => T): T[] {
    return this.decode<GoValue[], T[]>(name, goType, [], isSlice, (v) =>
      decoded(each ? v.map(each) : [...(v as T[])]),
    );
  }

  stringMap(name: string): Record<string, string> {
    return this.decode<GoMap, Record<string, string>>(name, 'map[string]string', {}, isMap, (v) => {
      const out: Record<string, string> = {};
      for (const [k, item] of Object.entries(v)) out[k] = this.element(item, name);
      return decoded(out);
    });
  }
}

function asObject(v: GoValue, what: string): GoMap {
  if (v === null) return Object.create(null) as GoMap;
  if (!isMap(v)) {
    throw new ChartDecodeError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go value of type ${what}`,
    );
  }
  return v;
}

export function decodeDependency(v: GoValue): Dependency {
  const d = new Decoder(asObject(v, 'chart.Dependency'), 'Dependency');
  return {
    name: d.str('name'),
    version: d.str('version'),
    repository: d.str('repository'),
    condition: d.str('condition'),
    tags: d.strings('tags'),
    enabled: d.bool('enabled'),
    importValues: d.list('import-values', '[]interface {}'),
    alias: d.str('alias'),
  };
}

function decodeMaintainer(v: GoValue): Maintainer {
  const d = new Decoder(asObject(v, 'chart.Maintainer'), 'Maintainer');
  return { name: d.str('name'), email: d.str('email'), url: d.str('url') };
}

/** Null list entries decode to nil pointers, which Validate rejects (metadata.go, dependency.go). */
function nonNull<T>(what: string, decode: (v: GoValue) => T): (v: GoValue) => T {
  return (v) => {
    if (v === null) throw new ChartValidationError(`${what} must not contain empty or null nodes`);
    return decode(v);
  };
}

/** Decode a parsed Chart.yaml into `into` (json.Unmarshal keeps fields absent from the input). */
export function decodeMetadata(v: GoValue, into: Metadata = emptyMetadata()): Metadata {
  const m = asObject(v, 'chart.Metadata');
  const d = new Decoder(m, 'Metadata');
  const has = (k: string): boolean => field(m, k) !== undefined;
  const set = <K extends keyof Metadata>(k: K, read: () => Metadata[K]): void => {
    if (has(k)) into[k] = read();
  };
  set('name', () => d.str('name'));
  set('home', () => d.str('home'));
  set('sources', () => d.strings('sources'));
  set('version', () => d.str('version'));
  set('description', () => d.str('description'));
  set('keywords', () => d.strings('keywords'));
  set('maintainers', () =>
    d.list('maintainers', '[]*chart.Maintainer', nonNull('maintainers', decodeMaintainer)),
  );
  set('icon', () => d.str('icon'));
  set('apiVersion', () => d.str('apiVersion'));
  set('condition', () => d.str('condition'));
  set('tags', () => d.str('tags'));
  set('appVersion', () => d.str('appVersion'));
  set('deprecated', () => d.bool('deprecated'));
  set('annotations', () => d.stringMap('annotations'));
  set('kubeVersion', () => d.str('kubeVersion'));
  set('dependencies', () =>
    d.list('dependencies', '[]*chart.Dependency', nonNull('dependencies', decodeDependency)),
  );
  set('type', () => d.str('type'));
  return into;
}

/** Decode Chart.lock / requirements.lock. */
export function decodeLock(v: GoValue): Lock {
  const d = new Decoder(asObject(v, 'chart.Lock'), 'Lock');
  return {
    generated: d.str('generated'),
    digest: d.str('digest'),
    dependencies: d.list('dependencies', '[]*chart.Dependency', decodeDependency),
  };
}

/**
 * Printable ASCII and the space only: what sanitizeString keeps as it is. The usual Chart.yaml
 * field takes this way, without the Unicode classes' regular expressions (compiling them costs
 * ~1 ms on a run's first chart; issue 10).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** metadata.go sanitizeString: whitespace → space, non-printable runes dropped. */
export function sanitizeString(s: string): string {
  return PRINTABLE_ASCII.test(s) ? s : sanitizeStringGeneral(s);
}

/** sanitizeString for any string, rune by rune (exported for the fast path's test). */
export function sanitizeStringGeneral(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/^\s$/u.test(ch)) out += ' ';
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
  }
  return out;
}

/** Sanitise a []string in place, as Go's index loop does (the slice, nil or not, is kept). */
function sanitizeAll(list: string[]): void {
  list.forEach((s, i) => (list[i] = sanitizeString(s)));
}

const ALIAS_FORMAT = /^[a-zA-Z0-9_-]+$/;

function validateDependency(d: Dependency): void {
  d.name = sanitizeString(d.name);
  d.version = sanitizeString(d.version);
  d.repository = sanitizeString(d.repository);
  d.condition = sanitizeString(d.condition);
  sanitizeAll(d.tags);
  if (d.alias !== '' && !ALIAS_FORMAT.test(d.alias)) {
    throw new ChartValidationError(
      `dependency ${goQuote(d.name)} has disallowed characters in the alias`,
    );
  }
}

/** Metadata.Validate (sanitises strings in place, like Go). */
export function validateMetadata(md: Metadata): void {
  md.name = sanitizeString(md.name);
  md.description = sanitizeString(md.description);
  md.home = sanitizeString(md.home);
  md.icon = sanitizeString(md.icon);
  md.condition = sanitizeString(md.condition);
  md.tags = sanitizeString(md.tags);
  md.appVersion = sanitizeString(md.appVersion);
  md.kubeVersion = sanitizeString(md.kubeVersion);
  sanitizeAll(md.sources);
  sanitizeAll(md.keywords);

  if (md.apiVersion === '') throw new ChartValidationError('chart.metadata.apiVersion is required');
  if (md.name === '') throw new ChartValidationError('chart.metadata.name is required');
  if (md.name === '.' || md.name === '..') {
    throw new ChartValidationError(`chart.metadata.name ${goQuote(md.name)} is not allowed`);
  }
  if (md.name !== pathBase(md.name)) {
    throw new ChartValidationError(`chart.metadata.name ${goQuote(md.name)} is invalid`);
  }
  if (md.version === '') throw new ChartValidationError('chart.metadata.version is required');
  if (!isValidSemver(md.version)) {
    throw new ChartValidationError(`chart.metadata.version ${goQuote(md.version)} is invalid`);
  }
  if (!['', 'application', 'library'].includes(md.type)) {
    throw new ChartValidationError('chart.metadata.type must be application or library');
  }
  for (const m of md.maintainers) {
    m.name = sanitizeString(m.name);
    m.email = sanitizeString(m.email);
    m.url = sanitizeString(m.url);
  }
  const seen = new Set<string>();
  for (const dep of md.dependencies) {
    validateDependency(dep);
    const key = dep.alias !== '' ? dep.alias : dep.name;
    if (seen.has(key)) {
      throw new ChartValidationError(`more than one dependency with name or alias ${goQuote(key)}`);
    }
    seen.add(key);
  }
}

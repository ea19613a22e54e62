/**
 * TOML encoding like BurntSushi/toml v1.6.0 `Encoder.Encode` (encode.go), the version Helm 3.20+
 * uses for `toToml`: keys sorted, plain values before tables, `[a.b]` headers indented two
 * spaces per level, `[[x]]` for slices whose elements are all tables (isTableArray; a mixed
 * slice is an inline array), inline `{k = v}` tables inside arrays, floats via
 * FormatFloat('f', -1) plus `.0`, `nan`, `inf`, `-inf`, time.Duration as its quoted String().
 * Nil values in maps (nil interface, nil slice) are skipped. A top-level value that is not a
 * table is written as a bare value without a newline (writeKeyValue with an empty key); only a
 * top-level slice of tables fails with `toml: top-level values must be Go maps or structs`.
 *
 * Differences from v1.2.1 (Helm 3.11's goldens): `+inf` became `inf`, top-level non-tables were
 * an error, the first element alone decided `[[x]]`, nil slices in maps were written as `[]`,
 * durations were integers.
 */
import { durationString } from '../gotime/duration.js';
import { formatFloat } from '../gotemplate/strconv.js';
import type { GoValue } from '../gotemplate/values.js';
import {
  compareGoStrings,
  GoFuncValue,
  GoInt,
  GoStruct,
  isNilMap,
  isNilSlice,
  kindName,
  typeName,
} from '../gotemplate/values.js';
import { TomlDatetime } from './datetime.js';
import { TomlError } from './errors.js';

type TomlType =
  'Bool' | 'Integer' | 'Float' | 'String' | 'Datetime' | 'Array' | 'Hash' | 'ArrayHash';

const ERR_NIL_ELEMENT = 'toml: cannot encode array with nil element';
const ERR_NO_KEY = 'toml: top-level values must be Go maps or structs';
/** Encoding nil itself: eindirect calls Type() on the zero reflect.Value, a runtime panic. */
const ERR_ZERO_VALUE = 'reflect: call of reflect.Value.Type on zero Value';

/** isNil after eindirect: a nil interface, a nil slice or a nil map. */
const isNil = (v: GoValue | undefined): boolean =>
  v === null || v === undefined || isNilSlice(v) || isNilMap(v);

const isTable = (t: TomlType | null): boolean => t === 'Hash' || t === 'ArrayHash';

function isTime(v: GoValue): v is GoStruct {
  return v instanceof GoStruct && v.goType.name === 'time.Time';
}

/** dblQuotedReplacer: `"` `\` and control characters escaped; everything else verbatim. */
export function tomlQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Key.maybeQuoted: bare keys are A-Za-z0-9_-. */
export function maybeQuotedKey(k: string): string {
  if (k === '') return '""';
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : tomlQuote(k);
}

function typeOf(v: GoValue): TomlType | null {
  if (isNil(v)) return null;
  switch (typeof v) {
    case 'boolean':
      return 'Bool';
    case 'number':
      return 'Float';
    case 'string':
      return 'String';
  }
  if (v instanceof GoInt) return 'Integer';
  if (v instanceof Uint8Array) return 'Array';
  if (Array.isArray(v)) return isTableArray(v) ? 'ArrayHash' : 'Array';
  if (v instanceof GoFuncValue) throw new TomlError('unsupported type: func');
  if (isTime(v)) return 'Datetime';
  return 'Hash';
}

/** isTableArray: every element is a table; a nil element anywhere is an error. */
function isTableArray(a: readonly GoValue[]): boolean {
  let all = a.length > 0;
  for (const item of a) {
    const t = typeOf(item ?? null);
    if (t === null) throw new TomlError(ERR_NIL_ELEMENT);
    if (t !== 'Hash') all = false;
  }
  return all;
}

/** A JS NaN carries no reliable sign, so `-nan` (a NaN with the sign bit) is not produced. */
function floatText(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  const s = formatFloat(f, 'f', -1);
  return s.includes('.') ? s : s + '.0';
}

function timeText(v: GoStruct): string {
  if (v instanceof TomlDatetime) return v.tomlText();
  const j = (v as Partial<{ toGoJson(): GoValue }>).toGoJson?.();
  return typeof j === 'string' ? j : '';
}

class Encoder {
  out = '';
  hasWritten = false;

  wf(s: string): void {
    this.out += s;
    this.hasWritten = true;
  }

  newline(): void {
    if (this.hasWritten) this.wf('\n');
  }

  indentStr(key: readonly string[]): string {
    return '  '.repeat(Math.max(key.length - 1, 0));
  }

  keyString(key: readonly string[]): string {
    return key.map(maybeQuotedKey).join('.');
  }

  encode(key: string[], v: GoValue): void {
    if (v === null) return;
    if (isTime(v) || typeof v !== 'object' || v instanceof GoInt) {
      this.writeKeyValue(key, v, false);
    } else if (Array.isArray(v) || v instanceof Uint8Array) {
      if (Array.isArray(v) && typeOf(v) === 'ArrayHash') this.eArrayOfTables(key, v);
      else this.writeKeyValue(key, v, false);
    } else if (v instanceof GoFuncValue) {
      throw new TomlError(`unsupported type for key '${this.keyString(key)}': func`);
    } else {
      this.eTable(key, v);
    }
  }

  eElement(v: GoValue): void {
    if (v === null) throw new TomlError(ERR_ZERO_VALUE, { panic: true });
    if (typeof v === 'boolean') this.wf(v ? 'true' : 'false');
    else if (typeof v === 'number') this.wf(floatText(v));
    else if (typeof v === 'string') this.wf(tomlQuote(v));
    else if (v instanceof GoInt && v.type === 'time.Duration')
      this.wf(tomlQuote(durationString(v.value)));
    else if (v instanceof GoInt) this.wf(v.value.toString());
    else if (v instanceof Uint8Array) this.eArray(Array.from(v, (b) => new GoInt(b, 'uint8')));
    else if (Array.isArray(v)) this.eArray(v);
    else if (isTime(v)) this.wf(timeText(v));
    else if (v instanceof GoFuncValue) throw new TomlError(`unexpected type: ${typeName(v)}`);
    else if (v instanceof GoStruct) this.eStruct([], v, true);
    else this.eMap([], v, true);
  }

  eArray(a: readonly GoValue[]): void {
    this.wf('[');
    a.forEach((item, i) => {
      this.eElement(item);
      if (i !== a.length - 1) this.wf(', ');
    });
    this.wf(']');
  }

  eArrayOfTables(key: string[], a: readonly GoValue[]): void {
    if (key.length === 0) throw new TomlError(ERR_NO_KEY);
    for (const t of a) {
      if (isNil(t)) continue;
      this.newline();
      this.wf(`${this.indentStr(key)}[[${this.keyString(key)}]]`);
      this.newline();
      this.eMapOrStruct(key, t, false);
    }
  }

  eTable(key: string[], v: GoValue): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.wf(`${this.indentStr(key)}[${this.keyString(key)}]`);
      this.newline();
    }
    this.eMapOrStruct(key, v, false);
  }

  eMapOrStruct(key: string[], v: GoValue, inline: boolean): void {
    if (v instanceof GoStruct) this.eStruct(key, v, inline);
    else if (
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      !(v instanceof GoInt) &&
      !(v instanceof Uint8Array) &&
      !(v instanceof GoFuncValue)
    ) {
      this.eMap(key, v, inline);
    } else {
      // Go panics here (a slice whose first element is a table but a later one is not).
      throw new TomlError(`eTable: unhandled reflect.Value Kind: ${kindName(v)}`, { panic: true });
    }
  }

  eMap(key: string[], m: Record<string, GoValue>, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) (isTable(typeOf(m[k] ?? null)) ? sub : direct).push(k);
    const writeKeys = (keys: string[], trailComma: boolean): void => {
      keys.sort(compareGoStrings);
      keys.forEach((k, i) => {
        const val = m[k] ?? null;
        if (isNil(val)) return;
        if (inline) {
          this.writeKeyValue([k], val, true);
          if (trailComma || i !== keys.length - 1) this.wf(', ');
        } else {
          this.encode([...key, k], val);
        }
      });
    };
    if (inline) this.wf('{');
    writeKeys(direct, sub.length > 0);
    writeKeys(sub, false);
    if (inline) this.wf('}');
  }

  eStruct(key: string[], s: GoStruct, inline: boolean): void {
    const direct: number[] = [];
    const sub: number[] = [];
    s.fieldNames.forEach((name, i) => (isTable(typeOf(s.field(name))) ? sub : direct).push(i));
    const total = s.fieldNames.length;
    const writeFields = (fields: number[]): void => {
      for (const i of fields) {
        const name = s.fieldNames[i] ?? '';
        const val = s.field(name);
        if (isNil(val)) continue;
        if (inline) {
          this.writeKeyValue([name], val, true);
          // encode.go compares the field index with the number of fields (direct and sub).
          if (i !== total - 1) this.wf(', ');
        } else {
          this.encode([...key, name], val);
        }
      }
    };
    if (inline) this.wf('{');
    writeFields(direct);
    writeFields(sub);
    if (inline) this.wf('}');
  }

  /** `key = value`; with an empty key (a top-level non-table) just the value, no newline. */
  writeKeyValue(key: string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) {
      this.eElement(v);
      return;
    }
    this.wf(`${this.indentStr(key)}${maybeQuotedKey(key[key.length - 1] ?? '')} = `);
    this.eElement(v);
    if (!inline) this.newline();
  }
}

/** Encoder.Encode(v) into a string. Throws TomlError with BurntSushi's message. */
export function marshalToml(v: GoValue): string {
  if (v === null) throw new TomlError(ERR_ZERO_VALUE, { panic: true });
  const enc = new Encoder();
  enc.encode([], v);
  return enc.out;
}

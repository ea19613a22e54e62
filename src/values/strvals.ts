/**
 * Helm's `--set` family parsers, mirroring helm pkg/strvals/parser.go and literal_parser.go
 * (v3.21): `a.b=c`, `a=1,b=2`, `\` escapes, lists `{x,y}`, indices `a[0].b` (nil padding,
 * MaxIndex 65536), nesting capped at 30 names, VAL-1 typing, `--set-string`, `--set-json`,
 * `--set-file` (the caller supplies the file reader) and `--set-literal`.
 */
import { GoInt, isMap, isSlice, newMap, type GoMap, type GoValue } from '../gotemplate/values.js';
import {
  ConversionPanic,
  EOFSignal,
  RuneScanner,
  StrvalsError,
  atoi,
  goTypeOf,
  nestedLevelError,
  runesUntil,
  setIndex,
} from './strvals-scanner.js';
import { decodeJsonPrefix } from './strvals-json.js';

export { StrvalsError } from './strvals-scanner.js';

/** RunesValueReader: turns the raw value text into the stored value (may throw). */
export type ValueReader = (raw: string) => GoValue;

/** typedVal (VAL-1): bool, null, int64 for plain decimal integers, else the string. */
export function typedVal(val: string, forceString: boolean): GoValue {
  if (forceString) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return new GoInt(0n, 'int64');
  if (val.length > 0 && val[0] !== '0' && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n <= 9223372036854775807n && n >= -9223372036854775808n) return new GoInt(n, 'int64');
  }
  return val;
}

function asMap(v: GoValue | undefined): GoMap {
  if (v !== undefined && isMap(v)) return v;
  throw new ConversionPanic(
    `interface conversion: interface {} is ${goTypeOf(v)}, not map[string]interface {}`,
  );
}

function asList(v: GoValue | undefined): GoValue[] {
  if (v !== undefined && isSlice(v)) return v;
  throw new ConversionPanic(
    `interface conversion: interface {} is ${goTypeOf(v)}, not []interface {}`,
  );
}

function set(data: GoMap, key: string, val: GoValue): void {
  if (key.length === 0) return;
  data[key] = val;
}

/** Go's %q of a []rune: `['a' 'b']`. */
function quoteRunes(s: string): string {
  return `[${[...s].map((r) => `'${r}'`).join(' ')}]`;
}

type Mode = { kind: 'typed'; reader: ValueReader } | { kind: 'json' } | { kind: 'literal' };

class Parser {
  constructor(
    private readonly sc: RuneScanner,
    private readonly mode: Mode,
  ) {}

  parse(data: GoMap): void {
    for (;;) {
      try {
        this.key(data, 0);
      } catch (e) {
        if (e instanceof EOFSignal) return;
        throw e;
      }
    }
  }

  private get escapes(): boolean {
    return this.mode.kind !== 'literal';
  }

  private read(value: string): GoValue {
    return this.mode.kind === 'typed' ? this.mode.reader(value) : value;
  }

  /** key() with its deferred recover: Go panics become `unable to parse key: ...`. */
  key(data: GoMap, level: number): void {
    try {
      this.keyInner(data, level);
    } catch (e) {
      if (e instanceof ConversionPanic) throw new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMap, level: number): void {
    const stop = this.mode.kind === 'literal' ? '=[.' : '=[,.';
    const { runes: k, last, eof } = runesUntil(this.sc, stop, this.escapes);
    if (eof) {
      if (k.length === 0) throw new EOFSignal();
      throw new StrvalsError(`key ${JSON.stringify(k)} has no value`);
    }
    if (last === '[') {
      const i = this.keyIndex();
      const list = data[k] !== undefined ? asList(data[k]) : [];
      let out: GoValue[] = list;
      try {
        out = this.listItem(list, i, level);
      } finally {
        set(data, k, out);
      }
      return;
    }
    if (last === '=') return this.assign(data, k);
    if (last === ',') {
      set(data, k, '');
      throw new StrvalsError(`key ${JSON.stringify(k)} has no value (cannot end with ,)`);
    }
    if (level + 1 > 30) throw nestedLevelError();
    const inner = data[k] !== undefined ? asMap(data[k]) : newMap();
    let err: unknown = null;
    try {
      this.key(inner, level + 1);
    } catch (e) {
      err = e;
    }
    const size = Object.keys(inner).length;
    if (err === null && size === 0)
      throw new StrvalsError(`key map ${JSON.stringify(k)} has no value`);
    if (size !== 0) set(data, k, inner);
    if (err !== null) throw err;
  }

  private assign(data: GoMap, k: string): void {
    if (this.mode.kind === 'json') {
      set(data, k, this.jsonValue());
      return;
    }
    if (this.mode.kind === 'literal') {
      set(data, k, this.sc.rest());
      this.sc.skipChars(Number.MAX_SAFE_INTEGER);
      return;
    }
    const vl = this.valList();
    if (vl === 'eof') {
      set(data, k, '');
      throw new EOFSignal();
    }
    if (vl !== 'not-list') {
      set(data, k, vl);
      return;
    }
    set(data, k, this.read(this.val()));
  }

  /** Value after `=` in JSON mode: empty → nil, else one JSON value then blanks and a comma. */
  private jsonValue(): GoValue {
    if (this.emptyVal()) return null;
    const { value, consumed } = decodeJsonPrefix(this.sc.rest());
    this.sc.skipChars(consumed);
    this.emptyVal();
    return value;
  }

  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === null || r === ',') return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  private keyIndex(): number {
    const { runes, eof } = runesUntil(this.sc, ']', this.escapes);
    if (eof) throw new StrvalsError('error parsing index: EOF');
    try {
      return atoi(runes);
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`);
    }
  }

  private listItem(list: GoValue[], i: number, level: number): GoValue[] {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { runes: k, last, eof } = runesUntil(this.sc, '[.=', this.escapes);
    if (k.length > 0)
      throw new StrvalsError(`unexpected data at end of array index: ${quoteRunes(k)}`);
    if (eof) throw new EOFSignal();
    if (last === '=') return setIndex(list, i, this.itemValue());
    if (last === '[') {
      const nextI = this.keyIndex();
      const existing = list.length > i ? list[i] : null;
      const crt = existing !== null && existing !== undefined ? asList(existing) : [];
      return setIndex(list, i, this.listItem(crt, nextI, level));
    }
    let inner = newMap();
    if (list.length > i) {
      const cur = list[i];
      if (cur !== undefined && isMap(cur)) inner = cur;
      else list[i] = inner;
    }
    this.key(inner, level);
    return setIndex(list, i, inner);
  }

  private itemValue(): GoValue {
    if (this.mode.kind === 'json') return this.jsonValue();
    if (this.mode.kind === 'literal') {
      const rest = this.sc.rest();
      this.sc.skipChars(Number.MAX_SAFE_INTEGER);
      return rest;
    }
    const vl = this.valList();
    if (vl === 'eof') return '';
    if (vl !== 'not-list') return vl;
    return this.read(this.val());
  }

  private val(): string {
    return runesUntil(this.sc, ',').runes;
  }

  private valList(): GoValue[] | 'eof' | 'not-list' {
    const r = this.sc.read();
    if (r === null) return 'eof';
    if (r !== '{') {
      this.sc.unread();
      return 'not-list';
    }
    const list: GoValue[] = [];
    for (;;) {
      const { runes, last, eof } = runesUntil(this.sc, ',}');
      if (eof) throw new StrvalsError("list must terminate with '}'");
      if (last === '}') {
        const next = this.sc.read();
        if (next !== null && next !== ',') this.sc.unread();
        list.push(this.read(runes));
        return list;
      }
      list.push(this.read(runes));
    }
  }
}

function run(s: string, dest: GoMap, mode: Mode): GoMap {
  new Parser(new RuneScanner(s), mode).parse(dest);
  return dest;
}

const typed = (forceString: boolean): Mode => ({
  kind: 'typed',
  reader: (raw) => typedVal(raw, forceString),
});

/** strvals.Parse. */
export function parseSet(s: string): GoMap {
  return run(s, newMap(), typed(false));
}

/** strvals.ParseInto: merge into `dest` (later keys overwrite). */
export function parseInto(s: string, dest: GoMap): GoMap {
  return run(s, dest, typed(false));
}

/** strvals.ParseString / ParseIntoString (`--set-string`). */
export function parseIntoString(s: string, dest: GoMap = newMap()): GoMap {
  return run(s, dest, typed(true));
}

/** strvals.ParseJSON (`--set-json key=<json>,...`; an empty value is null). */
export function parseIntoJson(s: string, dest: GoMap = newMap()): GoMap {
  return run(s, dest, { kind: 'json' });
}

/** strvals.ParseIntoFile (`--set-file`): `reader(path)` returns the value to store. */
export function parseIntoFile(s: string, dest: GoMap, reader: ValueReader): GoMap {
  return run(s, dest, { kind: 'typed', reader });
}

/** strvals.ParseLiteralInto (`--set-literal`): the value is the rest of the string, verbatim. */
export function parseIntoLiteral(s: string, dest: GoMap = newMap()): GoMap {
  return run(s, dest, { kind: 'literal' });
}

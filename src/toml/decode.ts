/**
 * toml.Decode(text, &map[string]interface{}) like BurntSushi/toml v1.6.0 (parse.go), which
 * Helm 3.20+'s `fromToml` uses. The parser's bookkeeping (context, implicit keys, types) is
 * ported as is, so redefinition errors match: `Key 'a' has already been defined.`
 *
 * Changes since v1.2.1 (Helm 3.11): range and datetime errors read `… is out of range for int64`
 * and `invalid datetime: "…"`; dotted keys inside inline tables nest (`{a.b = 1}` is
 * `{a: {b: 1}}`); assigning an array key twice is an error; a UTF-8 or UTF-16 byte order mark
 * is skipped; lexing errors at EOF keep their line (lex-position.ts). The TOML 1.1 syntax v1.6
 * enables by default (newlines and trailing commas in inline tables, `\e` and `\xHH` escapes,
 * times without seconds) is lexer work not done here: such input still fails as in TOML 1.0.
 *
 * Values: integers → int64 GoInt, floats → float64, strings, bools, datetimes → TomlDatetime
 * (a `time.Time` struct, see datetime.ts), arrays → []interface{}, tables → maps, arrays of
 * tables → a slice tagged `[]map[string]interface {}` (BurntSushi keeps that Go type). Numbers
 * are checked and converted in decode-numbers.ts.
 */
import { quote } from '../gotemplate/strconv.js';
import type { GoMap, GoSlice, GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { isMap, newMap, tagType, typeTag } from '../gotemplate/values.js';
import { parseDatetime } from './datetime-parse.js';
import { tomlFloat, tomlInteger } from './decode-numbers.js';
import { TomlParseError } from './errors.js';
import type { Item } from './lexer.js';
import { normalizeEscapes } from '../gotemplate/go-utf8.js';
import { LexerV16 } from './lex-position.js';
import { maybeQuotedKey } from './encode.js';

const MAP_SLICE: GoTypeInfo = {
  name: '[]map[string]interface {}',
  kind: 'slice',
  elem: 'map[string]interface {}',
};

type TomlType = 'hash' | 'arrayHash' | 'array' | 'primitive';

const keyString = (k: readonly string[]): string => k.map(maybeQuotedKey).join('.');

function isMapSlice(v: GoValue | undefined): v is GoSlice {
  return Array.isArray(v) && typeTag(v) === MAP_SLICE;
}

function lastMap(a: GoSlice): GoMap {
  return a[a.length - 1] as GoMap;
}

class Parser {
  private pos = 0;
  private line = 1;
  private context: string[] = [];
  private currentKey = '';
  readonly mapping = newMap();
  private readonly types = new Map<string, TomlType>();
  private readonly implicits = new Set<string>();
  /** Keys given a value by `key = value` (to reject a second assignment of an array key). */
  private readonly assigned = new Set<string>();

  constructor(private readonly items: Item[]) {}

  private current(): string {
    if (this.currentKey === '') return keyString(this.context);
    if (this.context.length === 0) return this.currentKey;
    return `${keyString(this.context)}.${this.currentKey}`;
  }

  private fail(msg: string, line = this.line): never {
    throw new TomlParseError(msg, line, this.current());
  }

  private readonly failAt = (msg: string, line: number): never => this.fail(msg, line);

  private next(): Item {
    const it = this.items[this.pos++] ?? { typ: 'eof', val: '', line: this.line };
    if (it.typ === 'error') this.fail(it.val, it.line);
    return it;
  }

  private nextPos(): Item {
    const it = this.next();
    this.line = it.line;
    return it;
  }

  run(): GoMap {
    for (let it = this.next(); it.typ !== 'eof'; it = this.next()) this.topLevel(it);
    return this.mapping;
  }

  private readKey(first: Item, end: Item['typ']): string[] {
    const key: string[] = [];
    for (let k = first; k.typ !== end && k.typ !== 'eof'; k = this.next()) key.push(k.val);
    return key;
  }

  private topLevel(it: Item): void {
    if (it.typ === 'tableStart' || it.typ === 'arrayTableStart') {
      const array = it.typ === 'arrayTableStart';
      const key = this.readKey(this.nextPos(), array ? 'arrayTableEnd' : 'tableEnd');
      this.addContext(key, array);
      this.setType('', array ? 'arrayHash' : 'hash');
      return;
    }
    const outer = this.context;
    this.keyValue(this.nextPos());
    this.context = outer;
    this.currentKey = '';
  }

  /** `a.b.c = value` (the key's first item given): the value set and the key's parent parts. */
  private keyValue(first: Item): { val: GoValue; parents: string[] } {
    const key = this.readKey(first, 'keyEnd');
    this.currentKey = key[key.length - 1] ?? '';
    const parents = key.slice(0, -1);
    for (const part of parents) this.addImplicitContext([...this.context, part]);
    const [val, typ] = this.value(this.next(), false);
    this.set(this.currentKey, val, typ);
    return { val, parents };
  }

  private value(it: Item, parentIsArray: boolean): [GoValue, TomlType] {
    switch (it.typ) {
      case 'string':
      case 'rawString':
        return [it.val, 'primitive'];
      case 'bool':
        return [it.val === 'true', 'primitive'];
      case 'integer':
        return [tomlInteger(it, this.failAt), 'primitive'];
      case 'float':
        return [tomlFloat(it, this.failAt), 'primitive'];
      case 'datetime': {
        const t = parseDatetime(it.val);
        if (!t)
          this.fail(
            `invalid datetime: ${quote(it.val.replace(/[zt ]/g, (c) => (c === 'z' ? 'Z' : 'T')))}`,
            it.line,
          );
        return [t, 'primitive'];
      }
      case 'arrayStart':
        return [this.array(), 'array'];
      case 'inlineTableStart':
        return [this.inlineTable(parentIsArray), 'hash'];
      default:
        return this.fail(`unexpected ${it.typ}`, it.line);
    }
  }

  private array(): GoSlice {
    this.setType(this.currentKey, 'array');
    const a: GoSlice = [];
    for (let it = this.next(); it.typ !== 'arrayEnd'; it = this.next())
      a.push(this.value(it, true)[0]);
    return a;
  }

  private inlineTable(parentIsArray: boolean): GoMap {
    const hash = newMap();
    const outerContext = this.context;
    const outerKey = this.currentKey;
    this.context = [...this.context, this.currentKey];
    const prev = this.context;
    this.currentKey = '';
    this.implicits.add(keyString(this.context));
    this.addContext(this.context, parentIsArray);
    for (let it = this.next(); it.typ !== 'inlineTableEnd'; it = this.next()) {
      const { val, parents } = this.keyValue(this.nextPos());
      let target = hash;
      for (const part of parents) {
        if (!(part in target)) target[part] = newMap();
        const h = target[part];
        if (!isMap(h)) this.fail(`${quote(keyString(this.context))} is not a table`);
        target = h;
      }
      target[this.currentKey] = val;
      this.context = prev;
    }
    this.context = outerContext;
    this.currentKey = outerKey;
    return hash;
  }

  private addImplicitContext(key: string[]): void {
    this.implicits.add(keyString(key));
    this.addContext(key, false);
  }

  /** Establish the current table (or a new element of an array of tables). */
  private addContext(key: string[], array: boolean): void {
    let hash: GoMap = this.mapping;
    const keyContext: string[] = [];
    for (const k of key.slice(0, -1)) {
      keyContext.push(k);
      if (!(k in hash)) {
        this.implicits.add(keyString(keyContext));
        hash[k] = newMap();
      }
      const t = hash[k];
      if (isMapSlice(t)) hash = lastMap(t);
      else if (isMap(t)) hash = t;
      else this.fail(`Key '${keyString(keyContext)}' was already created as a hash.`);
    }
    this.context = keyContext;
    const last = key[key.length - 1] ?? '';
    if (array) {
      if (!(last in hash)) hash[last] = tagType([] as GoSlice, MAP_SLICE);
      const t = hash[last];
      if (isMapSlice(t)) t.push(newMap());
      else this.fail(`Key '${keyString(key)}' was already created and cannot be used as an array.`);
    } else {
      this.setValue(last, newMap());
    }
    this.context = [...keyContext, last];
  }

  private set(key: string, val: GoValue, typ: TomlType): void {
    this.setValue(key, val);
    this.setType(key, typ);
    this.assigned.add(keyString([...this.context, key]));
  }

  private setValue(key: string, value: GoValue): void {
    let hash: GoMap = this.mapping;
    const keyContext: string[] = [];
    for (const k of this.context) {
      keyContext.push(k);
      const t = hash[k];
      if (isMapSlice(t)) hash = lastMap(t);
      else if (isMap(t)) hash = t;
      else this.fail(`Key '${keyString(keyContext)}' has already been defined.`);
    }
    keyContext.push(key);
    const ks = keyString(keyContext);
    if (key in hash) {
      // An array value replaces the tables its inline tables created (`a = [{b = 1}]`), but
      // an array key assigned before is a duplicate (fixed in v1.6.0).
      if (this.types.get(ks) === 'array' && !this.assigned.has(ks)) {
        this.implicits.delete(ks);
        hash[key] = value;
        return;
      }
      if (this.implicits.has(ks)) {
        this.implicits.delete(ks);
        return;
      }
      this.fail(`Key '${ks}' has already been defined.`);
    }
    hash[key] = value;
  }

  private setType(key: string, typ: TomlType): void {
    const k = key === '' ? [...this.context] : [...this.context, key];
    this.types.set(k.length === 0 ? '""' : keyString(k), typ);
  }
}

/**
 * A leading byte order mark, skipped by parse.go: UTF-8 (U+FEFF) or UTF-16 (the bytes FF FE or
 * FE FF, held as escaped bytes U+DCFF U+DCFE, see gotemplate/go-utf8.ts).
 */
const BOM = /^(?:\uFEFF|\uDCFF\uDCFE|\uDCFE\uDCFF)/;

/** toml.Decode into map[string]interface{}. Throws TomlParseError. */
export function unmarshalToml(input: string): GoMap {
  // Go sees bytes: escaped bytes that spell a valid rune together are that rune.
  const text = normalizeEscapes(input).replace(BOM, '');
  if (text.slice(0, 6).includes('\0')) {
    throw new TomlParseError(
      'files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8',
      1,
      '',
    );
  }
  return new Parser(new LexerV16(text).run()).run();
}

/**
 * The rune reader under Helm's strvals parsers (bytes.Buffer ReadRune/UnreadRune) plus
 * runesUntil, and Go-flavoured errors shared by the `--set` family (helm pkg/strvals).
 */
import { GoInt, isMap, isSlice, type GoValue } from '../gotemplate/values.js';

/** io.EOF surfacing from the parser: the input is exhausted. */
export class EOFSignal extends Error {
  constructor() {
    super('EOF');
    this.name = 'EOFSignal';
  }
}

/** A `--set` style syntax error with Helm's message. */
export class StrvalsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrvalsError';
  }
}

/** A Go panic recovered by the parser (`interface conversion: ...`). */
export class ConversionPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConversionPanic';
  }
}

export class RuneScanner {
  private pos = 0;
  private readonly runes: string[];

  constructor(text: string) {
    this.runes = [...text];
  }

  /** Next rune, or null at EOF. */
  read(): string | null {
    if (this.pos >= this.runes.length) return null;
    return this.runes[this.pos++] as string;
  }

  unread(): void {
    if (this.pos > 0) this.pos--;
  }

  /** What is left, as bytes.Buffer.String(). */
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }

  /** Skip `n` UTF-16 code units of the rest (after a JSON decode). */
  skipChars(n: number): void {
    let consumed = 0;
    while (consumed < n && this.pos < this.runes.length)
      consumed += (this.runes[this.pos++] as string).length;
  }
}

export interface Until {
  runes: string;
  last: string | null;
  eof: boolean;
}

/** runesUntil: read up to a stop rune; `\x` yields x when `escapes` (not for --set-literal). */
export function runesUntil(sc: RuneScanner, stop: string, escapes = true): Until {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === null) return { runes: v, last: null, eof: true };
    if (stop.includes(r)) return { runes: v, last: r, eof: false };
    if (escapes && r === '\\') {
      const next = sc.read();
      if (next === null) return { runes: v, last: null, eof: true };
      v += next;
      continue;
    }
    v += r;
  }
}

/** The Go dynamic type name of a parsed value, for panic messages. */
export function goTypeOf(v: GoValue | undefined): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (v instanceof GoInt) return v.type;
  if (isSlice(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

/** strconv.Atoi with Go's error text. */
export function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw new StrvalsError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) {
    throw new StrvalsError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  }
  return Number(n);
}

/** MaxIndex: the largest list index `--set` accepts. */
export const MAX_INDEX = 65536;
/** MaxNestedNameLevel: the deepest `a.b.c...` name `--set` accepts. */
export const MAX_NESTED_NAME_LEVEL = 30;

/** setIndex: grow the list with nils up to `index` and store `val`. */
export function setIndex(list: GoValue[], index: number, val: GoValue): GoValue[] {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) {
    throw new StrvalsError(
      `index of ${index} is greater than maximum supported index of ${MAX_INDEX}`,
    );
  }
  const out =
    list.length <= index
      ? [...list, ...new Array<GoValue>(index + 1 - list.length).fill(null)]
      : list;
  out[index] = val;
  return out;
}

export function nestedLevelError(): StrvalsError {
  return new StrvalsError(
    `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
  );
}

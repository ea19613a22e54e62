/**
 * sprig's string functions (Masterminds/sprig v3.2.3 functions.go and strings.go), with Go's
 * `strings` package semantics: byte lengths and byte slicing (`trunc`, `substr`), rune-wise
 * case mapping, Unicode white space for `trim`, `strings.Title`'s word rules.
 */
import type { GoFuncValue, GoInt, GoValue } from '../gotemplate/values.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import { formatValue } from '../gotemplate/fmt.js';
import { newMap, stringSlice, tagType, STRING_MAP } from '../gotemplate/values.js';
import { strslice, strval } from './conversion.js';
import {
  abbreviateFull,
  deleteWhiteSpace,
  initials,
  swapCase,
  uncapitalize,
  wrapCustom,
} from './goutils.js';
import { camelCaseToLowerCase, toCamelCase } from './xstrings.js';
import {
  fromRunes,
  goLower,
  goQuote,
  goUpper,
  isDigit,
  isLetter,
  isSpace,
  runes,
  sliceBytes,
  toTitleRune,
  utf8Bytes,
  utf8String,
} from './unicode.js';

const num = (i: GoInt): number => Number(i.value);

/** strings.TrimSpace: Unicode white space at both ends. */
export function trimSpace(s: string): string {
  return s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
}

/** strings.Trim(s, cutset): leading and trailing runes contained in cutset. */
function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const cut = new Set(runes(cutset));
  const rs = runes(s);
  let lo = 0;
  let hi = rs.length;
  while (lo < hi && cut.has(rs[lo] as number)) lo++;
  while (hi > lo && cut.has(rs[hi - 1] as number)) hi--;
  return fromRunes(rs.slice(lo, hi));
}

/** strings.Title's isSeparator. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) return !/[0-9a-zA-Z_]/.test(String.fromCharCode(r));
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** strings.Title: title-case the first rune of every word. */
export function title(s: string): string {
  let prev = 0x20;
  const out = runes(s).map((r) => {
    const mapped = isSeparator(prev) ? toTitleRune(r) : r;
    prev = r;
    return mapped;
  });
  return fromRunes(out);
}

/** strings.Repeat, panicking like Go for negative counts. */
export function repeat(s: string, count: number): string {
  if (count < 0) throw new FuncError('strings: negative Repeat count');
  if (s.length * count > 1 << 28) throw new FuncError('strings: Repeat output length overflow');
  return s.repeat(count);
}

/** strings.Replace(s, old, new, -1); an empty `old` inserts `new` around every rune. */
export function replaceAll(s: string, old: string, repl: string): string {
  if (old === '')
    return (
      repl +
      Array.from(s)
        .map((ch) => ch + repl)
        .join('')
    );
  return s.split(old).join(repl);
}

/** strings.Split; an empty separator splits into runes (UTF-8 sequences). */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = Array.from(s);
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || n >= parts.length) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** sprig's split/splitn result: map[string]string with keys _0, _1 … */
function indexedMap(parts: string[]): GoValue {
  return tagType(newMap(parts.map((p, i) => [`_${i}`, p])), STRING_MAP);
}

/** sprig `trunc`: negative counts keep the tail; works on bytes. */
/** Whether `s` holds only ASCII characters (its Go bytes are then its UTF-16 units). */
function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) return false;
  return true;
}

function trunc(c: GoInt, s: string): string {
  const n = num(c);
  if (isAscii(s)) {
    // Byte offsets are string offsets (the usual name | trunc 63): no encoding needed.
    if (n < 0) return s.length + n > 0 ? s.slice(s.length + n) : s;
    return s.length > n ? s.slice(0, n) : s;
  }
  return truncBytes(n, s);
}

/** trunc on the string's Go bytes (the general case). */
export function truncBytes(n: number, s: string): string {
  const b = utf8Bytes(s);
  if (n < 0 && b.length + n > 0) return utf8String(b.subarray(b.length + n));
  if (n >= 0 && b.length > n) return utf8String(b.subarray(0, n));
  return s;
}

/** sprig `substr`: Go slicing of the bytes, with Go's panics for bad bounds. */
function substr(startI: GoInt, endI: GoInt, s: string): string {
  const start = num(startI);
  const end = num(endI);
  const b = utf8Bytes(s);
  if (start < 0) return utf8String(sliceBytes(b, 0, end));
  if (end < 0 || end > b.length) return utf8String(sliceBytes(b, start));
  return utf8String(sliceBytes(b, start, end));
}

function indent(spaces: GoInt, v: string): string {
  const pad = repeat(' ', num(spaces));
  // strings.Replace(v, "\n", "\n"+pad, -1), without an array of the lines (the pad is only
  // spaces, so the replacement has no `$` pattern).
  return pad + v.replaceAll('\n', '\n' + pad);
}

function abbrevboth(left: GoInt, right: GoInt, s: string): string {
  const l = num(left);
  const r = num(right);
  if (r < 4 || (l > 0 && r < 7)) return s;
  return abbreviateFull(s, l, r);
}

/** quote: each non-nil argument as Go's %q of its strval. */
function quote(...args: GoValue[]): string {
  return args
    .filter((a) => a !== null)
    .map((a) => goQuote(strval(a)))
    .join(' ');
}

/** squote: each non-nil argument as '%v'. */
function squote(...args: GoValue[]): string {
  return args
    .filter((a) => a !== null)
    .map((a) => `'${formatValue(a)}'`)
    .join(' ');
}

/** cat: the %v of every non-nil argument, space separated. */
function cat(...args: GoValue[]): string {
  return args
    .filter((a) => a !== null)
    .map((a) => formatValue(a))
    .join(' ');
}

const s1 = { params: ['string'] } as const;
const s2 = { params: ['string', 'string'] } as const;

export const stringFuncs: GoFuncValue[] = [
  fn('abbrev', { params: ['int', 'string'] }, (w: GoInt, s: string) =>
    num(w) < 4 ? s : abbreviateFull(s, 0, num(w)),
  ),
  fn('abbrevboth', { params: ['int', 'int', 'string'] }, abbrevboth),
  fn('trunc', { params: ['int', 'string'] }, trunc),
  fn('trim', s1, trimSpace),
  fn('upper', s1, goUpper),
  fn('lower', s1, goLower),
  fn('title', s1, title),
  fn('untitle', s1, uncapitalize),
  fn('substr', { params: ['int', 'int', 'string'] }, substr),
  fn('repeat', { params: ['int', 'string'] }, (c: GoInt, s: string) => repeat(s, num(c))),
  fn('trimall', s2, (a: string, b: string) => trimCutset(b, a)),
  fn('trimAll', s2, (a: string, b: string) => trimCutset(b, a)),
  fn('trimSuffix', s2, (a: string, b: string) =>
    a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b,
  ),
  fn('trimPrefix', s2, (a: string, b: string) =>
    a !== '' && b.startsWith(a) ? b.slice(a.length) : b,
  ),
  fn('nospace', s1, deleteWhiteSpace),
  fn('initials', s1, initials),
  fn('swapcase', s1, swapCase),
  fn('snakecase', s1, (s: string) => camelCaseToLowerCase(s, '_')),
  fn('camelcase', s1, toCamelCase),
  fn('kebabcase', s1, (s: string) => camelCaseToLowerCase(s, '-')),
  fn('wrap', { params: ['int', 'string'] }, (l: GoInt, s: string) =>
    wrapCustom(s, num(l), '', false),
  ),
  fn('wrapWith', { params: ['int', 'string', 'string'] }, (l: GoInt, sep: string, s: string) =>
    wrapCustom(s, num(l), sep, true),
  ),
  fn('contains', s2, (sub: string, s: string) => s.includes(sub)),
  fn('hasPrefix', s2, (p: string, s: string) => s.startsWith(p)),
  fn('hasSuffix', s2, (p: string, s: string) => s.endsWith(p)),
  fn('quote', { params: [], variadic: 'any' }, quote),
  fn('squote', { params: [], variadic: 'any' }, squote),
  fn('cat', { params: [], variadic: 'any' }, cat),
  fn('indent', { params: ['int', 'string'] }, indent),
  fn('nindent', { params: ['int', 'string'] }, (n: GoInt, v: string) => '\n' + indent(n, v)),
  fn('replace', { params: ['string', 'string', 'string'] }, (o: string, n: string, s: string) =>
    replaceAll(s, o, n),
  ),
  fn('plural', { params: ['string', 'string', 'int'] }, (one: string, many: string, c: GoInt) =>
    c.value === 1n ? one : many,
  ),
  fn('join', { params: ['string', 'any'] }, (sep: string, v: GoValue) =>
    (strslice(v) as string[]).join(sep),
  ),
  fn('split', s2, (sep: string, s: string) => indexedMap(goSplit(s, sep))),
  fn('splitList', s2, (sep: string, s: string) => stringSlice(goSplit(s, sep))),
  fn('splitn', { params: ['string', 'int', 'string'] }, (sep: string, n: GoInt, s: string) =>
    indexedMap(goSplit(s, sep, num(n))),
  ),
];

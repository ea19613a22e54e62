/**
 * Type conversions as sprig performs them (Masterminds/sprig numeric.go, strings.go `strval` and
 * `strslice`) on top of spf13/cast (caste.go `ToInt64E`, `ToIntE`, `ToFloat64E`, cast ≥ 1.4):
 *
 * - strings parse with `strconv.ParseInt(trimZeroDecimal(s), 0, 0)`: `0x1f` = 31, `010` = 8
 *   (octal), `0b11` = 3, `1_000` = 1000, `1.0` = 1 (trailing zero decimals trimmed), `1.5` = 0;
 *   any parse or range error gives 0;
 * - float64 truncates toward zero (NaN, ±Inf and out-of-range values give Go's amd64 result,
 *   the minimum int64); bools give 1/0; nil gives 0; types cast does not know (time.Duration,
 *   maps, slices, structs) give 0.
 */
import { fn } from '../gotemplate/functions.js';
import { formatValue } from '../gotemplate/fmt.js';
import type { GoFuncValue, GoValue } from '../gotemplate/values.js';
import {
  GoInt,
  GoStruct,
  isBytes,
  isSlice,
  isStringer,
  stringSlice,
  typeTag,
} from '../gotemplate/values.js';
import {
  NumError,
  atoi,
  parseFloat64,
  parseInt64,
  parseOrUndefined,
} from '../gotemplate/strconv.js';
import { utf8String } from './unicode.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Go's `int64(f)` on amd64: truncation; NaN, ±Inf and overflow give the minimum int64. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** cast's trimZeroDecimal: `12.000` → `12`; anything else unchanged. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** cast.ToInt64 (errors become 0). */
export function toInt64(v: GoValue): bigint {
  if (v === null) return 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return floatToInt64(v);
  if (typeof v === 'string') {
    return parseOrUndefined(() => parseInt64(trimZeroDecimal(v), 0, 64)) ?? 0n;
  }
  if (v instanceof GoInt) {
    if (v.type === 'time.Duration') return 0n;
    return BigInt.asIntN(64, v.value);
  }
  return 0n;
}

/** cast.ToInt: the same conversions into Go's 64-bit int. */
export const toInt = toInt64;

/** cast.ToFloat64 (errors become 0). */
export function toFloat64(v: GoValue): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseOrUndefined(() => parseFloat64(v)) ?? 0;
  if (v instanceof GoInt) return v.type === 'time.Duration' ? 0 : Number(v.value);
  return 0;
}

/** A struct's Error() or String() method result, if it has one (Go's error/Stringer). */
function methodText(v: GoStruct, name: 'Error' | 'String'): string | undefined {
  const m = v.goType.methods?.[name];
  if (!m) return undefined;
  const out = m.impl();
  return typeof out === 'string' ? out : undefined;
}

/** sprig's strval: strings as is, []byte as text, error → Error(), Stringer → String(), else %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (isBytes(v)) return utf8String(v);
  if (v instanceof GoStruct) {
    const text = methodText(v, 'Error') ?? (isStringer(v) ? v.goString() : methodText(v, 'String'));
    if (text !== undefined) return text;
  }
  return formatValue(v);
}

/** The elements of a Go slice or array value; undefined when the value is not one. */
export function sliceItems(v: GoValue): GoValue[] | undefined {
  if (isSlice(v)) return [...v];
  if (isBytes(v)) return Array.from(v, (b) => new GoInt(b, 'uint8'));
  return undefined;
}

/** True for a value whose Go type is exactly []string. */
export function isStringSlice(v: GoValue): v is GoValue[] {
  return isSlice(v) && typeTag(v)?.name === '[]string';
}

/**
 * sprig's strslice: a []string is returned as is (same slice), other slices become the strval of
 * their non-nil elements, nil becomes an empty list, anything else a one-element list.
 */
export function strslice(v: GoValue): GoValue[] {
  if (isStringSlice(v)) return v;
  const items = sliceItems(v);
  if (items) return stringSlice(items.filter((x) => x !== null).map(strval));
  if (v === null) return stringSlice([]);
  return stringSlice([strval(v)]);
}

/** `toDecimal`: the %v text of the value read as an octal int64, 0 on error. */
function toDecimal(v: GoValue): GoInt {
  const text = formatValue(v);
  return new GoInt(parseOrUndefined(() => parseInt64(text, 8, 64)) ?? 0n, 'int64');
}

/** sprig's atoi: strconv.Atoi with the error dropped (0 on a syntax error, clamped on a range error). */
function sprigAtoi(s: string): bigint {
  try {
    return atoi(s);
  } catch (e) {
    if (!(e instanceof NumError)) throw e;
    if (!e.isRange) return 0n;
    return s.startsWith('-') ? INT64_MIN : INT64_MAX;
  }
}

export const conversionFuncs: GoFuncValue[] = [
  fn('atoi', { params: ['string'] }, (s: string) => new GoInt(sprigAtoi(s), 'int')),
  fn('int64', { params: ['any'] }, (v: GoValue) => new GoInt(toInt64(v), 'int64')),
  fn('int', { params: ['any'] }, (v: GoValue) => new GoInt(toInt(v), 'int')),
  fn('float64', { params: ['any'] }, (v: GoValue) => toFloat64(v)),
  fn('toDecimal', { params: ['any'] }, toDecimal),
  fn('toString', { params: ['any'] }, strval),
  fn('toStrings', { params: ['any'] }, strslice),
];

/**
 * TOML integers and floats as BurntSushi/toml v1.6.0's parser checks and converts them
 * (parse.go: valueInteger, valueFloat, numUnderscoresOK, numHasLeadingZero): int64 GoInts and
 * float64 numbers, with its error messages.
 */
import { parseInt64 } from '../gotemplate/strconv.js';
import type { GoInt } from '../gotemplate/values.js';
import { int64 } from '../gotemplate/values.js';
import type { Item } from './lexer.js';

/** Reports an error at a line (the parser adds the key it was reading). */
export type Fail = (msg: string, line: number) => never;

/** valueInteger: an int64 GoInt (base prefixes 0x 0o 0b, underscores between digits). */
export function tomlInteger(it: Item, fail: Fail): GoInt {
  const v = it.val;
  if (!underscoresOK(v))
    fail(`Invalid integer ${JSON.stringify(v)}: underscores must be surrounded by digits`, it.line);
  if (hasLeadingZero(v))
    fail(`Invalid integer ${JSON.stringify(v)}: cannot have leading zeroes`, it.line);
  try {
    return int64(parseInt64(v, 0, 64));
  } catch {
    return fail(`${v} is out of range for int64`, it.line);
  }
}

/** valueFloat: a float64, `inf` and `nan` included. */
export function tomlFloat(it: Item, fail: Fail): number {
  const v = it.val;
  const parts = v.split(/[.eE]/).filter((p) => p !== '');
  if (parts.some((p) => !underscoresOK(p)))
    fail(`Invalid float ${JSON.stringify(v)}: underscores must be surrounded by digits`, it.line);
  if (parts.length > 0 && hasLeadingZero(parts[0] ?? ''))
    fail(`Invalid float ${JSON.stringify(v)}: cannot have leading zeroes`, it.line);
  if (/\.(?![0-9])/.test(v))
    fail(`Invalid float ${JSON.stringify(v)}: '.' must be followed by one or more digits`, it.line);
  const clean = v.replace(/_/g, '');
  if (/nan$/.test(clean)) return NaN;
  if (/inf$/.test(clean)) return clean.startsWith('-') ? -Infinity : Infinity;
  const n = Number(clean);
  if (!Number.isFinite(n)) fail(`${v} is out of range for float64`, it.line);
  return n;
}

function underscoresOK(s: string): boolean {
  if (/^[+-]?(nan|inf)$/.test(s)) return true;
  let accept = false;
  for (const c of s) {
    if (c === '_' && !accept) return false;
    accept = /[0-9A-Fa-f]/.test(c);
  }
  return accept;
}

function hasLeadingZero(s: string): boolean {
  if (s.length > 1 && s[0] === '0' && !'box'.includes(s[1] ?? '')) return true;
  return s.length > 2 && (s[0] === '-' || s[0] === '+') && s[1] === '0';
}

/**
 * Ports of the Masterminds/goutils v1.1.1 functions sprig exposes (stringutils.go, wordutils.go).
 * goutils indexes Go strings by byte, and several functions treat each byte as a rune
 * (`rune(str[i])`): `initials` and `nospace` therefore mangle non-ASCII text exactly as Go does,
 * and abbreviation/wrapping can split a multi-byte character (rendered here as U+FFFD).
 */
import {
  fromRunes,
  isLower,
  isSpace,
  isTitle,
  isUpper,
  runes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
  utf8Bytes,
  utf8String,
} from './unicode.js';

const ELLIPSIS = utf8Bytes('...');

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** AbbreviateFull on bytes; `undefined` stands for goutils' error results (sprig prints ""). */
function abbreviateBytes(
  str: Uint8Array,
  offset0: number,
  maxWidth: number,
): Uint8Array | undefined {
  if (str.length === 0) return str;
  if (maxWidth < 4) return undefined;
  if (str.length <= maxWidth) return str;
  let offset = Math.min(offset0, str.length);
  if (str.length - offset < maxWidth - 3) offset = str.length - (maxWidth - 3);
  if (offset <= 4) return concat(str.subarray(0, maxWidth - 3), ELLIPSIS);
  if (maxWidth < 7) return undefined;
  if (offset + maxWidth - 3 < str.length) {
    const rest = abbreviateBytes(str.subarray(offset), 0, maxWidth - 3) ?? new Uint8Array();
    return concat(ELLIPSIS, rest);
  }
  return concat(ELLIPSIS, str.subarray(str.length - (maxWidth - 3)));
}

/** goutils.AbbreviateFull(str, offset, maxWidth), errors mapped to "". */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  const out = abbreviateBytes(utf8Bytes(str), offset, maxWidth);
  return out ? utf8String(out) : '';
}

const SPACE = 0x20;

function lastIndexOfSpace(b: Uint8Array, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (b[i] === SPACE) return i - from;
  return -1;
}

/** goutils.WrapCustom: wraps at spaces; lines restart after skipping leading spaces. */
export function wrapCustom(
  str: string,
  wrapLength0: number,
  newLineStr0: string,
  wrapLongWords: boolean,
): string {
  if (str === '') return '';
  const s = utf8Bytes(str);
  const newLine = utf8Bytes(newLineStr0 === '' ? '\n' : newLineStr0);
  const wrapLength = wrapLength0 < 1 ? 1 : wrapLength0;
  const out: Uint8Array[] = [];
  let offset = 0;
  while (s.length - offset > wrapLength) {
    if (s[offset] === SPACE) {
      offset++;
      continue;
    }
    const spaceAt = lastIndexOfSpace(s, offset, wrapLength + offset + 1) + offset;
    if (spaceAt >= offset) {
      out.push(s.subarray(offset, spaceAt), newLine);
      offset = spaceAt + 1;
    } else if (wrapLongWords) {
      out.push(s.subarray(offset, wrapLength + offset), newLine);
      offset += wrapLength;
    } else {
      const end = wrapLength + offset;
      const idx = s.subarray(end).indexOf(SPACE);
      if (idx >= 0) {
        out.push(s.subarray(offset, idx + end), newLine);
        offset = idx + end + 1;
      } else {
        out.push(s.subarray(offset));
        offset = s.length;
      }
    }
  }
  out.push(s.subarray(offset));
  return utf8String(concat(...out));
}

/** Latin-1 text of byte-runes: what Go's `buf.WriteRune(rune(str[i]))` produces. */
const byteRune = (b: number): string => String.fromCharCode(b);

/** goutils.Initials with whitespace delimiters, byte by byte. */
export function initials(str: string): string {
  let out = '';
  let lastWasGap = true;
  for (const b of utf8Bytes(str)) {
    if (isSpace(b)) lastWasGap = true;
    else if (lastWasGap) {
      out += byteRune(b);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace: drops whitespace bytes; unchanged input is returned as is. */
export function deleteWhiteSpace(str: string): string {
  const bytes = utf8Bytes(str);
  let out = '';
  let count = 0;
  for (const b of bytes) {
    if (!isSpace(b)) {
      out += byteRune(b);
      count++;
    }
  }
  return count === bytes.length ? str : out;
}

/** goutils.Uncapitalize: lower-cases the first rune of each whitespace-separated word. */
export function uncapitalize(str: string): string {
  let next = true;
  const out = runes(str).map((r) => {
    if (isSpace(r)) {
      next = true;
      return r;
    }
    if (!next) return r;
    next = false;
    return toLowerRune(r);
  });
  return fromRunes(out);
}

/** goutils.SwapCase: upper/title → lower, lower → title after whitespace, else upper. */
export function swapCase(str: string): string {
  let whitespace = true;
  const out = runes(str).map((r) => {
    if (isUpper(r) || isTitle(r)) {
      whitespace = false;
      return toLowerRune(r);
    }
    if (isLower(r)) {
      if (whitespace) {
        whitespace = false;
        return toTitleRune(r);
      }
      return toUpperRune(r);
    }
    whitespace = isSpace(r);
    return r;
  });
  return fromRunes(out);
}

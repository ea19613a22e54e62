/**
 * JSON values for `--set-json`, decoded like Go's encoding/json into interface{}: objects become
 * Go maps, numbers float64. `decodeJsonPrefix` reads one value off the front of a string, as
 * json.Decoder.Decode does, and reports how much it consumed (InputOffset).
 */
import { newMap, type GoValue } from '../gotemplate/values.js';
import { StrvalsError } from './strvals-scanner.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function jsonToGo(v: Json): GoValue {
  if (Array.isArray(v)) return v.map(jsonToGo);
  if (v !== null && typeof v === 'object') {
    const m = newMap();
    for (const k of Object.keys(v)) m[k] = jsonToGo(v[k] as Json);
    return m;
  }
  return v;
}

function skipString(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** End offset of the first JSON value in `s` (after leading whitespace). */
function valueEnd(s: string): number {
  let i = 0;
  while (i < s.length && /\s/.test(s[i] as string)) i++;
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const ch = s[j];
      if (ch === '"') {
        j = skipString(s, j) - 1;
      } else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && !/[\s,\]}]/.test(s[j] as string)) j++;
  return j;
}

function goJsonError(text: string): StrvalsError {
  const first = text.trim()[0];
  if (first === undefined) return new StrvalsError('unexpected EOF');
  return new StrvalsError(`invalid character '${first}' looking for beginning of value`);
}

/** json.Decoder.Decode on the front of `s`: the value and the characters consumed. */
export function decodeJsonPrefix(s: string): { value: GoValue; consumed: number } {
  const end = valueEnd(s);
  const text = s.slice(0, end);
  try {
    return { value: jsonToGo(JSON.parse(text) as Json), consumed: end };
  } catch {
    throw goJsonError(text);
  }
}

/** json.Unmarshal of a whole document into map[string]interface{} (--set-json object form). */
export function parseJsonObject(s: string): GoValue {
  const v = JSON.parse(s) as Json;
  if (v !== null && (typeof v !== 'object' || Array.isArray(v)))
    throw new StrvalsError('not an object');
  return jsonToGo(v);
}

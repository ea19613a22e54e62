/**
 * sprig's list functions (Masterminds/sprig v3.2.3 list.go). Every function accepts any slice or
 * array (also []string, []int, []byte) through reflection and returns a fresh []interface{}.
 * The plain forms panic where the `must` forms return the error; both read
 * `Cannot <verb> on type <kind>` for non-lists. A nil list makes reflect.TypeOf(nil).Kind()
 * dereference nil, which Go reports as a runtime error in both forms (`has` checks nil first).
 */
import type { GoFuncValue, GoInt, GoValue } from '../gotemplate/values.js';
import type { FuncSignature } from '../gotemplate/functions.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import { compareGoStrings, kindName, stringSlice, tagType, typeTag } from '../gotemplate/values.js';
import { isStringSlice, sliceItems, strslice, strval, toInt } from './conversion.js';
import { empty } from './defaults.js';
import { deepEqual } from './reflect.js';
import { runtimeError } from './unicode.js';
import { nilSlice } from '../gotemplate/values.js';

const NIL_DEREF = 'invalid memory address or nil pointer dereference';
/** A nil []interface{} (Go's `return nil, nil` and `var res []interface{}`): JSON `null`. */
const nilList = (): GoValue[] => nilSlice();

/** The items of `list`, or the error a non-list gets (`message(kind)`). */
function itemsOf(list: GoValue, message: (kind: string) => string): GoValue[] {
  if (list === null) throw runtimeError(NIL_DEREF);
  const items = sliceItems(list);
  if (!items) throw new FuncError(message(kindName(list)));
  return items;
}

const cannot = (verb: string) => (kind: string) => `Cannot ${verb} on type ${kind}`;

const inList = (haystack: readonly GoValue[], needle: GoValue) =>
  haystack.some((h) => deepEqual(needle, h));

function push(list: GoValue, v: GoValue): GoValue[] {
  return [...itemsOf(list, cannot('push')), v];
}

function prepend(list: GoValue, v: GoValue): GoValue[] {
  return [v, ...itemsOf(list, cannot('prepend'))];
}

function first(list: GoValue): GoValue {
  return itemsOf(list, cannot('find first'))[0] ?? null;
}

function last(list: GoValue): GoValue {
  const items = itemsOf(list, cannot('find last'));
  return items.length === 0 ? null : (items[items.length - 1] as GoValue);
}

function rest(list: GoValue): GoValue[] {
  const items = itemsOf(list, cannot('find rest'));
  return items.length === 0 ? nilList() : items.slice(1);
}

function initial(list: GoValue): GoValue[] {
  const items = itemsOf(list, cannot('find initial'));
  return items.length === 0 ? nilList() : items.slice(0, -1);
}

function reverse(list: GoValue): GoValue[] {
  return itemsOf(list, cannot('find reverse')).reverse();
}

function compact(list: GoValue): GoValue[] {
  return itemsOf(list, cannot('compact')).filter((x) => !empty(x));
}

function uniq(list: GoValue): GoValue[] {
  const out: GoValue[] = [];
  for (const item of itemsOf(list, cannot('find uniq'))) if (!inList(out, item)) out.push(item);
  return out;
}

function without(list: GoValue, ...omit: GoValue[]): GoValue[] {
  return itemsOf(list, cannot('find without')).filter((x) => !inList(omit, x));
}

function has(needle: GoValue, haystack: GoValue): boolean {
  if (haystack === null) return false;
  return inList(itemsOf(haystack, cannot('find has')), needle);
}

/** `slice list [start [end]]`: Go slicing, keeping the list's own type ([]string stays []string). */
function slice(list: GoValue, ...indices: GoValue[]): GoValue {
  const items = itemsOf(list, (k) => `list should be type of slice or array but ${k}`);
  if (items.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt(indices[0] as GoValue)) : 0;
  const end = indices.length < 2 ? items.length : Number(toInt(indices[1] as GoValue));
  if (start < 0 || end < start || end > items.length) {
    throw new FuncError('reflect.Value.Slice: slice index out of range');
  }
  if (list instanceof Uint8Array) return list.slice(start, end);
  const out = items.slice(start, end);
  const tag = typeTag(list as GoValue[]);
  return tag ? tagType(out, tag) : out;
}

const CHUNKS = { name: '[][]interface {}', kind: 'slice', elem: '[]interface {}' } as const;

/** `chunk size list`: lists of `size` items, the last one shorter. */
function chunk(sizeInt: GoInt, list: GoValue): GoValue[] {
  const size = Number(sizeInt.value);
  const items = itemsOf(list, (k) => `Cannot chunk type ${k}`);
  if (size <= 0) throw runtimeError('makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return tagType(out, CHUNKS);
}

/** `concat lists...`: every element of every list; a non-list panics. */
function concat(...lists: GoValue[]): GoValue[] {
  const out: GoValue[] = [];
  for (const l of lists) out.push(...itemsOf(l, (k) => `Cannot concat type ${k} as list`));
  return out.length === 0 ? nilList() : out;
}

/** `sortAlpha`: strslice sorted byte-wise; a non-list becomes a one-element list. */
function sortAlpha(list: GoValue): GoValue[] {
  if (sliceItems(list) === undefined) return stringSlice([strval(list)]);
  const strs = strslice(list);
  // A []string is sorted in place, as sort.StringSlice(strslice(v)).Sort() does in Go.
  (strs as string[]).sort(compareGoStrings);
  return isStringSlice(strs) ? strs : stringSlice(strs as string[]);
}

type Impl = Parameters<typeof fn>[2];
const one = { params: ['any'] } as const;
const two = { params: ['any', 'any'] } as const;

/** A plain form (panics) and a must form (returns the error) sharing one implementation. */
function pair(name: string, mustName: string, signature: FuncSignature, impl: Impl): GoFuncValue[] {
  return [fn(name, signature, impl), fn(mustName, { ...signature, returnsError: true }, impl)];
}

export const listFuncs: GoFuncValue[] = [
  fn('list', { params: [], variadic: 'any' }, (...v: GoValue[]) => v),
  fn('tuple', { params: [], variadic: 'any' }, (...v: GoValue[]) => v),
  ...pair('append', 'mustAppend', two, push),
  ...pair('push', 'mustPush', two, push),
  ...pair('prepend', 'mustPrepend', two, prepend),
  ...pair('first', 'mustFirst', one, first),
  ...pair('rest', 'mustRest', one, rest),
  ...pair('last', 'mustLast', one, last),
  ...pair('initial', 'mustInitial', one, initial),
  ...pair('reverse', 'mustReverse', one, reverse),
  ...pair('compact', 'mustCompact', one, compact),
  ...pair('uniq', 'mustUniq', one, uniq),
  ...pair('without', 'mustWithout', { params: ['any'], variadic: 'any' }, without),
  ...pair('has', 'mustHas', two, has),
  ...pair('slice', 'mustSlice', { params: ['any'], variadic: 'any' }, slice),
  ...pair('chunk', 'mustChunk', { params: ['int', 'any'] }, chunk),
  fn('concat', { params: [], variadic: 'any' }, concat),
  fn('sortAlpha', one, sortAlpha),
];

/** Shared fixtures for the executor tests: a render helper, data, functions and a struct type. */
import type { FuncMap } from '../../src/gotemplate/functions.js';
import { FuncError, fn, funcMap } from '../../src/gotemplate/functions.js';
import type { MissingKey } from '../../src/gotemplate/template.js';
import { TemplateSet } from '../../src/gotemplate/template.js';
import type { GoMap, GoTypeInfo, GoValue } from '../../src/gotemplate/values.js';
import {
  GoInt,
  GoStruct,
  STRING_MAP,
  newMap,
  stringSlice,
  tagType,
} from '../../src/gotemplate/values.js';

/** A `*test.Thing` struct with fields Name and Count and a method Greet(string) string. */
export class Thing extends GoStruct {
  static readonly info: GoTypeInfo = {
    name: '*test.Thing',
    kind: 'ptr',
    methods: {
      Greet: fn('Greet', { params: ['string'] }, function (this: Thing, who: string) {
        return `${this.name} greets ${who}`;
      }),
      Nil: fn('Nil', { params: [] }, () => null),
    },
  };
  readonly goType = Thing.info;
  readonly fieldNames = ['Name', 'Count', 'Extra'] as const;
  constructor(
    readonly name: string,
    readonly count: number,
  ) {
    super();
  }
  field(name: string): GoValue {
    if (name === 'Name') return this.name;
    if (name === 'Count') return new GoInt(this.count);
    return null;
  }
}

/** A named map type with a method shadowing its key `Get` (like chartutil.Values). */
export function valuesMap(entries: [string, GoValue][]): GoMap {
  const info: GoTypeInfo = {
    name: 'chartutil.Values',
    kind: 'map',
    elem: 'interface {}',
    methods: {
      Get: fn('Get', { params: ['string'] }, function (this: GoMap, key: string) {
        return `method:${String(this[key] ?? '')}`;
      }),
    },
  };
  return tagType(newMap(entries), info);
}

/** A named []string with a method (like chartutil.VersionSet). */
export function versionSet(items: string[]): GoValue[] {
  const info: GoTypeInfo = {
    name: 'chartutil.VersionSet',
    kind: 'slice',
    elem: 'string',
    methods: {
      Has: fn('Has', { params: ['string'] }, function (this: GoValue[], v: string) {
        return this.includes(v);
      }),
    },
  };
  return tagType([...items], info);
}

export function testData(): GoMap {
  return newMap([
    ['s', 'str'],
    ['empty', ''],
    ['n', null],
    ['t', true],
    ['f', false],
    ['i', new GoInt(7)],
    ['zero', new GoInt(0)],
    ['i64', new GoInt(7, 'int64')],
    ['u', new GoInt(7, 'uint')],
    ['list', ['a', 'b', 'c']],
    ['nilList', [null]],
    ['strs', stringSlice(['x', 'y'])],
    ['emptyList', []],
    [
      'm',
      newMap([
        ['b', '2'],
        ['a', '1'],
        ['c', '3'],
      ]),
    ],
    [
      'nested',
      newMap([
        ['inner', newMap([['leaf', 'deep']])],
        ['nothing', null],
      ]),
    ],
    ['emptyMap', newMap()],
    ['smap', tagType(newMap([['k', 'v']]), STRING_MAP)],
    ['bytes', new Uint8Array([104, 105])],
    ['thing', new Thing('thing', 3)],
    [
      'vals',
      valuesMap([
        ['Get', 'key'],
        ['x', 'y'],
      ]),
    ],
    ['versions', versionSet(['v1', 'apps/v1'])],
    ['fn', fn('fn', { params: ['string'] }, (s: string) => `called ${s}`)],
  ]);
}

export const testFuncs: FuncMap = funcMap(
  fn('up', { params: ['string'] }, (s: string) => s.toUpperCase()),
  fn('cat2', { params: ['string', 'string'] }, (a: string, b: string) => a + b),
  fn('double', { params: ['int'] }, (n: GoInt) => new GoInt(n.value * 2n)),
  fn('half', { params: ['float64'] }, (n: number) => String(n / 2)),
  fn('neg', { params: ['bool'] }, (b: boolean) => !b),
  fn('keys', { params: ['map'] }, (m: GoMap | null) =>
    Object.keys(m ?? {})
      .sort()
      .join(','),
  ),
  fn('joinAll', { params: ['string'], variadic: 'string' }, (sep: string, ...rest: string[]) =>
    rest.join(sep),
  ),
  fn('boom', { params: [], returnsError: true }, () => {
    throw new FuncError('bad thing');
  }),
  fn('jsBug', { params: [] }, () => {
    throw new TypeError('a bug');
  }),
  fn('nothing', { params: [] }, () => null),
  fn('int64of', { params: ['int'] }, (n: GoInt) => new GoInt(n.value, 'int64')),
  fn('uintof', { params: ['int'] }, (n: GoInt) => new GoInt(n.value, 'uint')),
  fn('listOf', { params: [], variadic: 'any' }, (...xs: GoValue[]) => xs),
);

export interface RenderOptions {
  readonly missingKey?: MissingKey;
  readonly data?: GoValue;
  readonly name?: string;
}

/** Parse `src` as template `name` (default `t`) and execute it; errors become `ERR: message`. */
export function render(src: string, opts: RenderOptions = {}): string {
  const set = new TemplateSet({
    funcs: testFuncs,
    missingKey: opts.missingKey ?? 'zero',
    name: 'gotpl',
  });
  const name = opts.name ?? 't';
  try {
    set.parse(name, src);
    return set.execute(name, opts.data === undefined ? testData() : opts.data);
  } catch (e) {
    if (
      e instanceof Error &&
      /^(TemplateExecError|TemplateError|NoSuchTemplateError)$/.test(e.name)
    ) {
      return `ERR: ${e.message}`;
    }
    throw e;
  }
}

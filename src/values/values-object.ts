/**
 * chartutil.Values as a template value: the map tagged with its Go type and the methods
 * templates can call (helm pkg/chartutil/values.go): YAML, Table, AsMap, PathValue.
 */
import { FuncError, fn } from '../gotemplate/functions.js';
import {
  copyMap,
  newMap,
  tagType,
  type GoMap,
  type GoTypeInfo,
  type GoValue,
} from '../gotemplate/values.js';
import { marshalYaml } from '../yaml/index.js';
import { pathValue, table } from './table.js';

export const VALUES_TYPE_NAME = 'chartutil.Values';

function untagged(m: GoMap): GoMap {
  return newMap(Object.entries(m));
}

/** Tag `m` (in place) as chartutil.Values. */
export function asValues(m: GoMap): GoMap {
  const info: GoTypeInfo = {
    name: VALUES_TYPE_NAME,
    kind: 'map',
    elem: 'interface {}',
    methods: {
      YAML: fn('YAML', { params: [], returnsError: true }, () => marshalYaml(untagged(m))),
      AsMap: fn('AsMap', { params: [] }, () => untagged(m)),
      Table: fn('Table', { params: ['string'], returnsError: true }, (name: string) => {
        try {
          return asValues(copyMap(table(m, name)));
        } catch (e) {
          throw new FuncError((e as Error).message);
        }
      }),
      PathValue: fn(
        'PathValue',
        { params: ['string'], returnsError: true },
        (path: string): GoValue => {
          try {
            return pathValue(m, path);
          } catch (e) {
            throw new FuncError((e as Error).message);
          }
        },
      ),
    },
  };
  return tagType(m, info);
}

/**
 * Go's view of the declared parameter types of template functions (functions.ts ParamType):
 * their names in messages, nil-ability (exec.go `canBeNil`) and assignability
 * (`reflect.Type.AssignableTo` as validateType and prepareArg use it).
 */
import type { ParamType } from './functions.js';
import type { GoValue } from './values.js';
import { GoInt, GoStruct, isMap, typeTag } from './values.js';

const GO_TYPE: Record<Exclude<ParamType, 'value'>, string> = {
  any: 'interface {}',
  string: 'string',
  bool: 'bool',
  int: 'int',
  int64: 'int64',
  uint32: 'uint32',
  float64: 'float64',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
  strings: '[]string',
  time: 'time.Time',
};

/** The Go type name of a parameter, as `%s` of a reflect.Type prints it. */
export function goTypeName(t: ParamType, structType: string | undefined): string {
  return t === 'value' ? (structType ?? 'struct {}') : GO_TYPE[t];
}

/** Whether an untyped nil may be assigned to the parameter type. */
export function canBeNil(t: ParamType, structType: string | undefined): boolean {
  if (t === 'any' || t === 'map' || t === 'slice' || t === 'strings') return true;
  return t === 'value' && structType !== undefined && structType.startsWith('*');
}

/** Whether a non-nil value is assignable to the parameter type. */
export function assignable(v: GoValue, t: ParamType, structType: string | undefined): boolean {
  switch (t) {
    case 'any':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'float64':
      return typeof v === 'number';
    case 'int':
    case 'int64':
    case 'uint32':
      return v instanceof GoInt && v.type === t;
    case 'map': {
      // A named map type (chartutil.Values) is assignable to its unnamed underlying type.
      if (!isMap(v)) return false;
      const tag = typeTag(v);
      return tag === undefined || tag.elem === undefined || tag.elem === 'interface {}';
    }
    case 'slice': {
      if (!Array.isArray(v)) return false;
      const tag = typeTag(v);
      return tag === undefined || tag.elem === 'interface {}';
    }
    case 'strings':
      return Array.isArray(v) && typeTag(v)?.elem === 'string';
    case 'time':
      return v instanceof GoStruct && v.goType.name === 'time.Time';
    case 'value': {
      if (!(v instanceof GoStruct)) return false;
      // validateType also accepts one pointer indirection or address-of.
      const name = v.goType.name;
      return name === structType || name === `*${structType}` || `*${name}` === structType;
    }
  }
}

/** Integer parameter types, for prepareArg's int conversions. */
export function isIntParam(t: ParamType): t is 'int' | 'int64' | 'uint32' {
  return t === 'int' || t === 'int64' || t === 'uint32';
}

/** reflect.Zero of a map or slice element type, by name; nil for interface{} and the rest. */
export function zeroOfElem(elem: string | undefined): GoValue {
  switch (elem) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'float64':
      return 0;
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
      return new GoInt(0, elem);
    default:
      return null;
  }
}

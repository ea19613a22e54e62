/**
 * Sprig's regular-expression functions (Masterminds/sprig v3.2.3 regex.go) with Go regexp
 * semantics (RE2 via re2js, docs/design.md decision 4). The non-must variants that use
 * regexp.MustCompile panic on a bad pattern; the panic is modelled as a FuncError carrying Go's
 * panic text. `regexMatch` swallows the error and returns false, as sprig does.
 */
import type { FuncSignature } from '../gotemplate/functions.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { GoFuncValue, GoInt, GoValue } from '../gotemplate/values.js';
import { GoRegexp, RegexpSyntaxError, quoteMeta } from './go-regexp.js';
import { STRING_SLICE, nilSlice, stringSlice } from '../gotemplate/values.js';

/** regexp.Compile for the must* variants: the error is returned as the function's error. */
function compile(expr: string): GoRegexp {
  try {
    return GoRegexp.compile(expr);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) throw new FuncError(e.message);
    throw e;
  }
}

/** regexp.MustCompile: a bad pattern panics with `regexp: Compile(…): …`. */
function mustCompile(expr: string): GoRegexp {
  try {
    return GoRegexp.compile(expr);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) throw new FuncError(GoRegexp.mustCompileMessage(expr, e));
    throw e;
  }
}

const strings = (v: string[] | undefined): GoValue =>
  v === undefined ? nilSlice(STRING_SLICE) : stringSlice(v);

const s = (params: FuncSignature['params'], returnsError = false): FuncSignature => ({
  params,
  returnsError,
});

type Compiler = (expr: string) => GoRegexp;

const findAll = (c: Compiler) => (regex: string, str: string, n: GoInt) =>
  strings(c(regex).findAllString(str, n.toNumber()));
const find = (c: Compiler) => (regex: string, str: string) => c(regex).findString(str);
const replaceAll = (c: Compiler) => (regex: string, str: string, repl: string) =>
  c(regex).replaceAllString(str, repl);
const replaceAllLiteral = (c: Compiler) => (regex: string, str: string, repl: string) =>
  c(regex).replaceAllLiteralString(str, repl);
const split = (c: Compiler) => (regex: string, str: string, n: GoInt) =>
  strings(c(regex).split(str, n.toNumber()));

export const regexFuncs: GoFuncValue[] = [
  fn('regexMatch', s(['string', 'string']), (regex: string, str: string) => {
    try {
      return GoRegexp.compile(regex).matchString(str);
    } catch (e) {
      if (e instanceof RegexpSyntaxError) return false;
      throw e;
    }
  }),
  fn('mustRegexMatch', s(['string', 'string'], true), (regex: string, str: string) =>
    compile(regex).matchString(str),
  ),
  fn('regexFindAll', s(['string', 'string', 'int']), findAll(mustCompile)),
  fn('mustRegexFindAll', s(['string', 'string', 'int'], true), findAll(compile)),
  fn('regexFind', s(['string', 'string']), find(mustCompile)),
  fn('mustRegexFind', s(['string', 'string'], true), find(compile)),
  fn('regexReplaceAll', s(['string', 'string', 'string']), replaceAll(mustCompile)),
  fn('mustRegexReplaceAll', s(['string', 'string', 'string'], true), replaceAll(compile)),
  fn('regexReplaceAllLiteral', s(['string', 'string', 'string']), replaceAllLiteral(mustCompile)),
  fn(
    'mustRegexReplaceAllLiteral',
    s(['string', 'string', 'string'], true),
    replaceAllLiteral(compile),
  ),
  fn('regexSplit', s(['string', 'string', 'int']), split(mustCompile)),
  fn('mustRegexSplit', s(['string', 'string', 'int'], true), split(compile)),
  fn('regexQuoteMeta', s(['string']), quoteMeta),
];

/**
 * The functions Helm binds to the template set itself (helm/helm pkg/engine/engine.go
 * `initFunMap`, `includeFun`, `tplFun`): include, tpl, required, fail, and lookup.
 */
import { TemplateError, TemplateExecError, TemplateParseError } from '../gotemplate/errors.js';
import { sprintf } from '../gotemplate/fmt.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { Tree } from '../gotemplate/ast.js';
import { NoSuchTemplateError, type Template, type TemplateSet } from '../gotemplate/template.js';
import type { GoMap, GoValue } from '../gotemplate/values.js';
import { warnWrap } from './errors.js';

/** The functions bindLateFuncs adds (lookup is always present through helmFuncMap). */
export const LATE_FUNC_NAMES = ['include', 'tpl', 'required', 'fail'] as const;

/** Helm's include recursion guard (`recursionMaxNums`). */
export const RECURSION_MAX = 1000;

/**
 * A synchronous lookup (docs/design.md decision 7): returns the object (or list) as a map, an
 * empty map for NotFound, or throws (LookupNeeded when the value must be fetched first).
 */
export type LookupFunc = (
  apiVersion: string,
  kind: string,
  namespace: string,
  name: string,
) => GoMap;

export interface LateFuncOptions {
  readonly lintMode: boolean;
  readonly lookup?: LookupFunc | undefined;
}

/** The name tpl templates are parsed under: the engine's root template is `gotpl`. */
const TPL_NAME = 'gotpl';

function asFuncError(err: unknown): never {
  if (
    err instanceof TemplateExecError ||
    err instanceof TemplateParseError ||
    err instanceof TemplateError ||
    err instanceof NoSuchTemplateError
  ) {
    throw new FuncError(err.message, { cause: err });
  }
  throw err;
}

function includeFunc(set: TemplateSet, included: Map<string, number>) {
  return fn(
    'include',
    { params: ['string', 'any'], returnsError: true },
    (name: string, data: GoValue) => {
      const depth = included.get(name) ?? 0;
      if (depth > RECURSION_MAX) {
        throw new FuncError(
          `rendering template has a nested reference name: ${name}: unable to execute template`,
        );
      }
      included.set(name, depth + 1);
      try {
        return set.execute(name, data);
      } catch (err) {
        return asFuncError(err);
      } finally {
        included.set(name, (included.get(name) ?? 1) - 1);
      }
    },
  );
}

/** Parsed `tpl` strings, shared by every clone of one render (the function set is fixed). */
type TplCache = Map<string, ReadonlyMap<string, Tree>>;

function tplFunc(parent: TemplateSet, included: Map<string, number>, cache: TplCache) {
  return fn(
    'tpl',
    { params: ['string', 'any'], returnsError: true },
    (text: string, vals: GoValue) => {
      // A clone, so `define`s inside the string stay local but can use every chart template.
      const set = parent.clone();
      set.setFuncs(
        new Map([
          ['include', includeFunc(set, included)],
          ['tpl', tplFunc(set, included, cache)],
        ]),
      );
      // Go's `t.New(parent.Name()).Parse(tpl)` then `t.Execute`: the new template runs its own
      // tree even when that tree is empty and the set keeps an earlier `gotpl` (a nested `tpl`
      // of "" must print nothing, not re-run the outer string).
      let tmpl: Template;
      try {
        let trees = cache.get(text);
        if (!trees) {
          trees = set.parseTrees(TPL_NAME, text);
          cache.set(text, trees);
        }
        tmpl = set.new(TPL_NAME).addParseTrees(trees);
      } catch (err) {
        throw new FuncError(`cannot parse template ${sprintf('%q', [text])}: ${errorText(err)}`, {
          cause: err,
        });
      }
      try {
        return tmpl.execute(vals).replace(/<no value>/g, '');
      } catch (err) {
        if (!(
          err instanceof TemplateExecError ||
          err instanceof TemplateError ||
          err instanceof NoSuchTemplateError
        )) {
          throw err;
        }
        throw new FuncError(
          `error during tpl function execution for ${sprintf('%q', [text])}: ${err.message}`,
          {
            cause: err,
          },
        );
      }
    },
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Bind include/tpl/required/fail/lookup to `set` (its other funcs come from helmFuncMap). */
export function bindLateFuncs(set: TemplateSet, opts: LateFuncOptions): void {
  const included = new Map<string, number>();
  const late = new Map([
    ['include', includeFunc(set, included)],
    ['tpl', tplFunc(set, included, new Map())],
    [
      'required',
      fn(
        'required',
        { params: ['string', 'any'], returnsError: true },
        (warn: string, val: GoValue) => {
          if (val === null || val === '') {
            if (opts.lintMode) return '';
            throw new FuncError(warnWrap(warn));
          }
          return val;
        },
      ),
    ],
    [
      'fail',
      fn('fail', { params: ['string'], returnsError: true }, (msg: string) => {
        if (opts.lintMode) return '';
        throw new FuncError(warnWrap(msg));
      }),
    ],
  ]);
  const lookup = opts.lookup;
  if (lookup && !opts.lintMode) {
    late.set(
      'lookup',
      fn(
        'lookup',
        { params: ['string', 'string', 'string', 'string'], returnsError: true },
        (apiVersion: string, kind: string, namespace: string, name: string) =>
          lookup(apiVersion, kind, namespace, name),
      ),
    );
  }
  set.setFuncs(late);
}

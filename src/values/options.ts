/**
 * Options.MergeValues, mirroring helm pkg/cli/values/options.go (v3.21, §6.1): user values are
 * built in a fixed order regardless of flag order — `-f` files (deep merge, left to right),
 * `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`. Pure: file contents are
 * read through the caller's `readFile`.
 */
import { isMap, newMap, type GoMap, type GoValue } from '../gotemplate/values.js';
import { parseValuesYaml } from '../yaml/index.js';
import { goStringFromBytes } from '../util/go-bytes.js';
import {
  parseInto,
  parseIntoFile,
  parseIntoJson,
  parseIntoLiteral,
  parseIntoString,
} from './strvals.js';
import { parseJsonObject } from './strvals-json.js';

export interface ValueOptions {
  valueFiles?: readonly string[];
  stringValues?: readonly string[];
  values?: readonly string[];
  fileValues?: readonly string[];
  jsonValues?: readonly string[];
  literalValues?: readonly string[];
}

/** Reads a values file or `--set-file` path (`-` = stdin is the caller's business). */
export type ReadFile = (path: string) => Uint8Array | string;

export class ValuesOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValuesOptionError';
  }
}

/** options.go mergeMaps: maps merge recursively, anything else from `b` replaces. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = newMap(Object.entries(a));
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    if (isMap(v) && cur !== undefined && isMap(cur)) {
      out[k] = mergeMaps(cur, v);
      continue;
    }
    out[k] = v;
  }
  return out;
}

/**
 * A file's bytes as a Go string (invalid UTF-8 kept as escaped bytes), so a `-f` file is
 * checked by the YAML reader exactly as a chart's values.yaml is (`invalid leading UTF-8
 * octet`), not silently repaired.
 */
function text(data: Uint8Array | string): string {
  return typeof data === 'string' ? data : goStringFromBytes(data);
}

function wrapped<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new ValuesOptionError(`${prefix}: ${(e as Error).message}`);
  }
}

/** Options.MergeValues. */
export function mergeUserValues(opts: ValueOptions, readFile: ReadFile): GoMap {
  let base = newMap();
  for (const file of opts.valueFiles ?? []) {
    // Read errors are Helm's own (`open PATH: no such file or directory`), not parse errors.
    const data = text(readFile(file));
    const current = wrapped(`failed to parse ${file}`, () => parseValuesYaml(data));
    base = mergeMaps(base, current);
  }
  for (const value of opts.jsonValues ?? []) {
    const trimmed = value.trim();
    if (trimmed.startsWith('{')) {
      let obj: GoValue;
      try {
        obj = parseJsonObject(trimmed);
      } catch {
        throw new ValuesOptionError(`failed parsing --set-json data JSON: ${value}`);
      }
      base = mergeMaps(base, isMap(obj) ? obj : newMap());
    } else {
      wrapped(`failed parsing --set-json data ${value}`, () => parseIntoJson(value, base));
    }
  }
  for (const value of opts.values ?? [])
    wrapped('failed parsing --set data', () => parseInto(value, base));
  for (const value of opts.stringValues ?? []) {
    wrapped('failed parsing --set-string data', () => parseIntoString(value, base));
  }
  for (const value of opts.fileValues ?? []) {
    wrapped('failed parsing --set-file data', () =>
      parseIntoFile(value, base, (p) => text(readFile(p))),
    );
  }
  for (const value of opts.literalValues ?? []) {
    wrapped('failed parsing --set-literal data', () => parseIntoLiteral(value, base));
  }
  return base;
}

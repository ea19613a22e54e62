/**
 * The `.Files` object (helm/helm pkg/engine/files.go): a map of file name → bytes, of Go type
 * `engine.files`, with the methods Get, GetBytes, Glob, Lines, AsConfig and AsSecrets.
 * Map keys stay reachable as fields (`.Files.author`), as in Go, unless a method shadows them.
 */
import { fn } from '../gotemplate/functions.js';
import type { GoMap, GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { newMap, sortedKeys, stringSlice, tagType, mapGet } from '../gotemplate/values.js';
import { marshalYaml } from '../yaml/index.js';
import { compileGlob } from './glob.js';
import { goStringFromBytes } from '../util/go-bytes.js';
import { pathBase } from '../util/go-path.js';

/** A file as the chart loader supplies it. */
export interface FileEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

const EMPTY_BYTES = new Uint8Array(0);

function bytesOf(files: GoMap, name: string): Uint8Array {
  const v = mapGet(files, name);
  return v instanceof Uint8Array ? v : EMPTY_BYTES;
}

/** toYaml of a map[string]string without the trailing newline (Helm's toYAML). */
function toYamlString(m: GoMap): string {
  return marshalYaml(m).replace(/\n$/, '');
}

const FILES_TYPE: GoTypeInfo = {
  name: 'engine.files',
  kind: 'map',
  elem: '[]uint8',
  methods: {
    GetBytes: fn('GetBytes', { params: ['string'] }, function (this: GoMap, name: string) {
      return bytesOf(this, name);
    }),
    Get: fn('Get', { params: ['string'] }, function (this: GoMap, name: string) {
      return goStringFromBytes(bytesOf(this, name));
    }),
    Glob: fn('Glob', { params: ['string'] }, function (this: GoMap, pattern: string) {
      return globFiles(this, pattern);
    }),
    AsConfig: fn('AsConfig', { params: [] }, function (this: GoMap) {
      const m = newMap();
      for (const k of sortedKeys(this)) m[pathBase(k)] = goStringFromBytes(bytesOf(this, k));
      return toYamlString(m);
    }),
    AsSecrets: fn('AsSecrets', { params: [] }, function (this: GoMap) {
      const m = newMap();
      for (const k of sortedKeys(this))
        m[pathBase(k)] = Buffer.from(bytesOf(this, k)).toString('base64');
      return toYamlString(m);
    }),
    Lines: fn('Lines', { params: ['string'] }, function (this: GoMap, path: string) {
      return linesOf(this, path);
    }),
  },
};

/** Build `.Files` from a chart's files. */
export function newFiles(from: readonly FileEntry[]): GoMap {
  const m = newMap();
  for (const f of from) m[f.name] = f.data;
  return tagType(m, FILES_TYPE);
}

function globFiles(files: GoMap, pattern: string): GoMap {
  // An invalid pattern matches everything, as Helm falls back to "**".
  const re = compileGlob(pattern);
  const out = newMap();
  for (const name of Object.keys(files)) {
    if (!re || re.test(name)) out[name] = files[name] as GoValue;
  }
  return tagType(out, FILES_TYPE);
}

function linesOf(files: GoMap, path: string): GoValue {
  const data = mapGet(files, path);
  if (!(data instanceof Uint8Array) || data.length === 0) return stringSlice([]);
  let s = goStringFromBytes(data);
  if (s.endsWith('\n')) s = s.slice(0, -1);
  return stringSlice(s.split('\n'));
}

/**
 * json.Unmarshal of a release record into release.Release, as Helm 3 reads it (Go's
 * encoding/json over the struct tags listed in json-encode.ts):
 * - keys match fields exactly, else case-insensitively (so Helm 3.0's `"Description"` reads);
 *   unknown keys are ignored; Helm 4's `apply_method` is read (Helm 3 ignores it);
 * - `null` leaves a scalar at its zero value and makes a slice, map or pointer nil;
 * - times: `""`, `null` or an absent member are the zero time (ST-10; Helm 4 omits zero
 *   times), others must be RFC 3339 and are kept as Go would re-marshal them;
 * - a JSON value of the wrong type fails with Go's UnmarshalTypeError wording.
 */
import type { ChartFile, Dependency, Lock, Maintainer, Metadata } from '../chart/types.js';
import { emptyMetadata } from '../chart/types.js';
import { unmarshalJson } from '../gojson/index.js';
import { isMap, isSlice, type GoMap, type GoValue } from '../gotemplate/values.js';
import type { Hook, HookEvent, HookPhase } from './hook.js';
import type { HelmTime, Info, Release, Status, StoredChart } from './types.js';
import { emptyInfo } from './types.js';

/** A record whose JSON does not fit Helm's structs. */
export class ReleaseDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReleaseDecodeError';
  }
}

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return isSlice(v) ? 'array' : 'object';
}

/** One JSON object being read into a Go struct; `path` names it in errors (`Release.info`). */
class Fields {
  constructor(
    private readonly m: GoMap,
    private readonly path: string,
  ) {}

  /** The member for a field: exact key first, then Go's case-insensitive match. */
  get(key: string): GoValue | undefined {
    if (Object.hasOwn(this.m, key)) return this.m[key];
    const lower = key.toLowerCase();
    const k = Object.keys(this.m).find((x) => x.toLowerCase() === lower);
    return k === undefined ? undefined : this.m[k];
  }

  fail(key: string, v: GoValue, type: string): never {
    const value = typeof v === 'number' && type === 'int' ? `number ${v}` : jsonKind(v);
    throw new ReleaseDecodeError(
      `json: cannot unmarshal ${value} into Go struct field ${this.path}.${key} of type ${type}`,
    );
  }

  str(key: string): string {
    const v = this.get(key);
    if (v === undefined || v === null) return '';
    return typeof v === 'string' ? v : this.fail(key, v, 'string');
  }

  int(key: string): number {
    const v = this.get(key);
    if (v === undefined || v === null) return 0;
    return typeof v === 'number' && Number.isInteger(v) ? v : this.fail(key, v, 'int');
  }

  bool(key: string): boolean {
    const v = this.get(key);
    if (v === undefined || v === null) return false;
    return typeof v === 'boolean' ? v : this.fail(key, v, 'bool');
  }

  time(key: string): HelmTime {
    return normalizeTime(this.str(key), `${this.path}.${key}`);
  }

  /** A nested struct (nil pointer → undefined). */
  struct(key: string, type: string): Fields | undefined {
    const v = this.get(key);
    if (v === undefined || v === null) return undefined;
    return isMap(v) ? new Fields(v, `${this.path}.${key}`) : this.fail(key, v, type);
  }

  map(key: string): GoMap | null {
    const v = this.get(key);
    if (v === undefined || v === null) return null;
    return isMap(v) ? v : this.fail(key, v, 'map[string]interface {}');
  }

  list(key: string, type: string): GoValue[] | null {
    const v = this.get(key);
    if (v === undefined || v === null) return null;
    return isSlice(v) ? v : this.fail(key, v, type);
  }

  strings(key: string): string[] {
    return (this.list(key, '[]string') ?? []).map((x) => {
      if (x === null) return '';
      return typeof x === 'string' ? x : this.fail(key, x, 'string');
    });
  }

  structs<T>(key: string, type: string, read: (f: Fields) => T): T[] {
    return (this.list(key, `[]*${type}`) ?? []).map((x) =>
      read(
        new Fields(isMap(x) ? x : x === null ? {} : this.fail(key, x, type), this.path + '.' + key),
      ),
    );
  }
}

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/** time.Time.UnmarshalJSON then MarshalJSON: fraction zeros trimmed, a zero offset as `Z`. */
function normalizeTime(s: string, field: string): HelmTime {
  if (s === '') return '';
  const m = TIME.exec(s);
  if (!m) throw new ReleaseDecodeError(`${field}: parsing time "${s}" as RFC 3339 failed`);
  const frac = (m[2] ?? '').slice(0, 9).replace(/0+$/, '');
  const zone = m[3] === '+00:00' || m[3] === '-00:00' || m[3] === 'z' ? 'Z' : m[3];
  return `${m[1]}${frac === '' ? '' : '.' + frac}${zone}`;
}

function readInfo(f: Fields | undefined): Info {
  if (f === undefined) return emptyInfo();
  return {
    first_deployed: f.time('first_deployed'),
    last_deployed: f.time('last_deployed'),
    deleted: f.time('deleted'),
    description: f.str('description'),
    status: f.str('status') as Status,
    notes: f.str('notes'),
  };
}

function readMaintainer(f: Fields): Maintainer {
  return { name: f.str('name'), email: f.str('email'), url: f.str('url') };
}

function readDependency(f: Fields): Dependency {
  return {
    name: f.str('name'),
    version: f.str('version'),
    repository: f.str('repository'),
    condition: f.str('condition'),
    tags: f.strings('tags'),
    enabled: f.bool('enabled'),
    importValues: f.list('import-values', '[]interface {}') ?? [],
    alias: f.str('alias'),
  };
}

function readMetadata(f: Fields): Metadata {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.map('annotations') ?? {})) {
    if (typeof v !== 'string' && v !== null) f.fail('annotations', v, 'string');
    annotations[k] = v ?? '';
  }
  return {
    ...emptyMetadata(),
    name: f.str('name'),
    home: f.str('home'),
    sources: f.strings('sources'),
    version: f.str('version'),
    description: f.str('description'),
    keywords: f.strings('keywords'),
    maintainers: f.structs('maintainers', 'chart.Maintainer', readMaintainer),
    icon: f.str('icon'),
    apiVersion: f.str('apiVersion'),
    condition: f.str('condition'),
    tags: f.str('tags'),
    appVersion: f.str('appVersion'),
    deprecated: f.bool('deprecated'),
    annotations,
    kubeVersion: f.str('kubeVersion'),
    dependencies: f.structs('dependencies', 'chart.Dependency', readDependency),
    type: f.str('type'),
  };
}

function readLock(f: Fields): Lock {
  return {
    generated: f.str('generated'),
    digest: f.str('digest'),
    dependencies: f.structs('dependencies', 'chart.Dependency', readDependency),
  };
}

/** []byte members are base64 strings. */
function bytes(f: Fields, key: string): Uint8Array | null {
  const s = f.get(key);
  if (s === undefined || s === null) return null;
  if (typeof s !== 'string') return f.fail(key, s, '[]uint8');
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function readFiles(f: Fields, key: string): ChartFile[] | null {
  if (f.list(key, '[]*chart.File') === null) return null;
  return f.structs(key, 'chart.File', (x) => ({
    name: x.str('name'),
    data: bytes(x, 'data') ?? new Uint8Array(),
  }));
}

function readChart(f: Fields): StoredChart {
  const metadata = f.struct('metadata', 'chart.Metadata');
  const lock = f.struct('lock', 'chart.Lock');
  return {
    metadata: metadata === undefined ? null : readMetadata(metadata),
    lock: lock === undefined ? null : readLock(lock),
    templates: readFiles(f, 'templates'),
    values: f.map('values'),
    schema: bytes(f, 'schema'),
    files: readFiles(f, 'files'),
  };
}

function readHook(f: Fields): Hook {
  const run = f.struct('last_run', 'release.HookExecution');
  return {
    name: f.str('name'),
    kind: f.str('kind'),
    path: f.str('path'),
    manifest: f.str('manifest'),
    events: f.strings('events') as HookEvent[],
    last_run: {
      started_at: run?.time('started_at') ?? '',
      completed_at: run?.time('completed_at') ?? '',
      phase: (run?.str('phase') ?? '') as HookPhase,
    },
    weight: f.int('weight'),
    delete_policies: f.strings('delete_policies'),
    output_log_policies: f.strings('output_log_policies'),
  };
}

/** json.Unmarshal(data, &release). Throws ReleaseDecodeError (or gojson's JsonSyntaxError). */
export function releaseFromJson(data: string | Uint8Array): Release {
  const v = unmarshalJson(data);
  if (!isMap(v)) {
    throw new ReleaseDecodeError(
      `json: cannot unmarshal ${jsonKind(v)} into Go value of type release.Release`,
    );
  }
  const f = new Fields(v, 'Release');
  const chart = f.struct('chart', 'chart.Chart');
  return {
    name: f.str('name'),
    info: readInfo(f.struct('info', 'release.Info')),
    chart: chart === undefined ? null : readChart(chart),
    config: f.map('config'),
    manifest: f.str('manifest'),
    hooks: f.structs('hooks', 'release.Hook', readHook),
    version: f.int('version'),
    namespace: f.str('namespace'),
    labels: {},
    ...(f.str('apply_method') ? { apply_method: f.str('apply_method') } : {}),
  };
}

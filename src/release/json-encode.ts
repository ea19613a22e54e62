/**
 * json.Marshal of a *release.Release, byte for byte as Helm 3 writes it (ST-10, ST-11, section
 * 5.3). Members follow the Go struct declaration order and each field's tag:
 *   Release  name,omitempty · info,omitempty · chart,omitempty · config,omitempty ·
 *            manifest,omitempty · hooks,omitempty · version,omitempty · namespace,omitempty
 *            (pkg/release/release.go; Labels is `json:"-"`) · apply_method,omitempty (Helm 4's
 *            pkg/release/v1 field, which Helm 3's decoder ignores)
 *   Info     first_deployed · last_deployed · deleted (helm times: never omitted, zero = "")
 *            · description,omitempty · status,omitempty · notes,omitempty (pkg/release/info.go)
 *   Hook     name · kind · path · manifest · events (all omitempty) · last_run (a struct:
 *            always) · weight,omitempty · delete_policies,omitempty ·
 *            output_log_policies,omitempty (pkg/release/hook.go)
 *   Chart    metadata · lock · templates · values · schema · files (never omitted; nil = null)
 *            (pkg/chart/chart.go), File name · data ([]byte → base64) (pkg/chart/file.go)
 * Metadata, Maintainer, Dependency and Lock tags are those of pkg/chart/{metadata,dependency}.go.
 * Strings are escaped as json.Marshal does (HTML-safe: `&` → \u0026), values maps through
 * gojson's toJsonTree (sorted keys, float64 in ES6 style).
 */
import type { ChartFile, Dependency, Lock, Maintainer, Metadata } from '../chart/types.js';
import { jsonString, toJsonTree, type JsonNode } from '../gojson/index.js';
import { parseInLocation } from '../gotime/time.js';
import { UTC } from '../gotime/zone.js';
import { newMap, type GoMap } from '../gotemplate/values.js';
import type { Hook } from './hook.js';
import type { Info, Release, StoredChart } from './types.js';

type Member = [string, JsonNode] | undefined;

const RFC3339 = '2006-01-02T15:04:05Z07:00';
const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

function object(...members: Member[]): JsonNode {
  return { obj: members.filter((m): m is [string, JsonNode] => m !== undefined) };
}

/** A string member; omitted when empty if `omitEmpty`. */
function str(key: string, v: string, omitEmpty = true): Member {
  return omitEmpty && v === '' ? undefined : [key, v];
}

/** An int member (Go int), omitted when 0 if `omitEmpty`. */
function int(key: string, v: number, omitEmpty = true): Member {
  return omitEmpty && v === 0 ? undefined : [key, { num: String(Math.trunc(v)) }];
}

/** A []string member with omitempty (nil or empty slices are left out). */
function strings(key: string, v: readonly string[]): Member {
  return v.length === 0 ? undefined : [key, [...v]];
}

function stringMap(m: Record<string, string>): GoMap {
  return newMap(Object.entries(m));
}

function maintainerJson(m: Maintainer): JsonNode {
  return object(str('name', m.name), str('email', m.email), str('url', m.url));
}

function dependencyJson(d: Dependency): JsonNode {
  return object(
    str('name', d.name, false),
    str('version', d.version),
    str('repository', d.repository, false),
    str('condition', d.condition),
    strings('tags', d.tags),
    d.enabled ? ['enabled', true] : undefined,
    d.importValues.length > 0 ? ['import-values', toJsonTree(d.importValues)] : undefined,
    str('alias', d.alias),
  );
}

/** chart.Metadata: every field is omitempty. */
export function metadataJson(md: Metadata): JsonNode {
  const annotations = Object.keys(md.annotations).length > 0;
  return object(
    str('name', md.name),
    str('home', md.home),
    strings('sources', md.sources),
    str('version', md.version),
    str('description', md.description),
    strings('keywords', md.keywords),
    md.maintainers.length > 0 ? ['maintainers', md.maintainers.map(maintainerJson)] : undefined,
    str('icon', md.icon),
    str('apiVersion', md.apiVersion),
    str('condition', md.condition),
    str('tags', md.tags),
    str('appVersion', md.appVersion),
    md.deprecated ? ['deprecated', true] : undefined,
    annotations ? ['annotations', toJsonTree(stringMap(md.annotations))] : undefined,
    str('kubeVersion', md.kubeVersion),
    md.dependencies.length > 0 ? ['dependencies', md.dependencies.map(dependencyJson)] : undefined,
    str('type', md.type),
  );
}

/**
 * Lock.Generated is a plain time.Time (`json:"generated"`): the zero time prints as
 * `0001-01-01T00:00:00Z`, others as RFC 3339 with trimmed nanoseconds.
 */
function lockTime(generated: string): string {
  if (generated === '') return '0001-01-01T00:00:00Z';
  try {
    return parseInLocation(RFC3339, generated, UTC).format(RFC3339_NANO);
  } catch {
    return generated;
  }
}

function lockJson(lock: Lock): JsonNode {
  return object(
    ['generated', lockTime(lock.generated)],
    ['digest', lock.digest],
    ['dependencies', lock.dependencies.map(dependencyJson)],
  );
}

function filesJson(files: ChartFile[] | null): JsonNode {
  if (files === null) return null;
  return files.map((f) => object(['name', f.name], ['data', toJsonTree(f.data)]));
}

export function chartJson(c: StoredChart): JsonNode {
  return object(
    ['metadata', c.metadata === null ? null : metadataJson(c.metadata)],
    ['lock', c.lock === null ? null : lockJson(c.lock)],
    ['templates', filesJson(c.templates)],
    ['values', c.values === null ? null : toJsonTree(c.values)],
    ['schema', c.schema === null ? null : toJsonTree(c.schema)],
    ['files', filesJson(c.files)],
  );
}

function infoJson(info: Info): JsonNode {
  return object(
    ['first_deployed', info.first_deployed],
    ['last_deployed', info.last_deployed],
    ['deleted', info.deleted],
    str('description', info.description),
    str('status', info.status),
    str('notes', info.notes),
  );
}

export function hookJson(h: Hook): JsonNode {
  return object(
    str('name', h.name),
    str('kind', h.kind),
    str('path', h.path),
    str('manifest', h.manifest),
    strings('events', h.events),
    [
      'last_run',
      object(
        ['started_at', h.last_run.started_at],
        ['completed_at', h.last_run.completed_at],
        ['phase', h.last_run.phase],
      ),
    ],
    int('weight', h.weight),
    strings('delete_policies', h.delete_policies),
    strings('output_log_policies', h.output_log_policies),
  );
}

/** The JSON tree of a release (Helm 3 field order and omitempty rules). */
export function releaseJsonTree(rel: Release): JsonNode {
  const config = rel.config !== null && Object.keys(rel.config).length > 0;
  return object(
    str('name', rel.name),
    ['info', infoJson(rel.info)],
    rel.chart === null ? undefined : ['chart', chartJson(rel.chart)],
    config ? ['config', toJsonTree(rel.config)] : undefined,
    str('manifest', rel.manifest),
    rel.hooks.length > 0 ? ['hooks', rel.hooks.map(hookJson)] : undefined,
    int('version', rel.version),
    str('namespace', rel.namespace),
    str('apply_method', rel.apply_method ?? ''),
  );
}

/** Compact JSON text of a tree, escaping like json.Marshal (escapeHTML on). */
export function writeJson(node: JsonNode): string {
  if (node === null) return 'null';
  if (typeof node === 'boolean') return node ? 'true' : 'false';
  if (typeof node === 'string') return jsonString(node, true);
  if (Array.isArray(node)) return '[' + node.map(writeJson).join(',') + ']';
  if ('num' in node) return node.num;
  return '{' + node.obj.map(([k, v]) => jsonString(k, true) + ':' + writeJson(v)).join(',') + '}';
}

/** json.Marshal(release): the exact bytes Helm 3 gzips into a storage record. */
export function releaseToJson(rel: Release): string {
  return writeJson(releaseJsonTree(rel));
}

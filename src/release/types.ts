/**
 * The persisted release record, as Helm 3 stores it (helm/helm pkg/release/{release,info,
 * status}.go, pkg/chart/{chart,file}.go, v3.21; docs/helm-semantics.md section 5.3). Field
 * names are the JSON names, like hook.ts, so a record reads the same as its JSON. How each
 * field is written (order, omitempty) lives in json-encode.ts; reading in json-decode.ts.
 */
import type { Chart, ChartFile, Lock, Metadata } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { Hook } from './hook.js';

/** Release statuses, Helm's exact strings (pkg/release/status.go). */
export const Status = {
  Unknown: 'unknown',
  Deployed: 'deployed',
  Uninstalled: 'uninstalled',
  Superseded: 'superseded',
  Failed: 'failed',
  Uninstalling: 'uninstalling',
  PendingInstall: 'pending-install',
  PendingUpgrade: 'pending-upgrade',
  PendingRollback: 'pending-rollback',
} as const;

export type Status = (typeof Status)[keyof typeof Status];

export const STATUSES: readonly Status[] = Object.values(Status);

/**
 * Status.IsPending: the three `pending-*` statuses, the advisory lock of upgrade
 * (`uninstalling` is not pending).
 */
export function isPending(status: string): boolean {
  return (
    status === Status.PendingInstall ||
    status === Status.PendingUpgrade ||
    status === Status.PendingRollback
  );
}

/**
 * A Helm time as stored: Go's `time.Time` JSON text (RFC 3339 with up to nine fraction
 * digits, trailing zeros dropped, the zone's offset or `Z`), or `''` for the zero time
 * (helm pkg/time/time.go writes zero times as `""`; ST-10).
 */
export type HelmTime = string;

/** release.Info. `status` is `''` only for records that had none (Go's empty Status). */
export interface Info {
  first_deployed: HelmTime;
  last_deployed: HelmTime;
  deleted: HelmTime;
  description: string;
  status: Status | '';
  notes: string;
}

/**
 * The chart as a release stores it (chart.Chart's JSON: `Raw`, parent and dependencies are
 * not serialised, so a stored chart has no subcharts). `null` stands for Go's nil.
 */
export interface StoredChart {
  metadata: Metadata | null;
  lock: Lock | null;
  templates: ChartFile[] | null;
  values: GoMap | null;
  schema: Uint8Array | null;
  files: ChartFile[] | null;
}

/** release.Release. */
export interface Release {
  name: string;
  info: Info;
  chart: StoredChart | null;
  /** User-supplied values only (`helm get values`), ST-12; null when none. */
  config: GoMap | null;
  manifest: string;
  hooks: Hook[];
  /** The revision. */
  version: number;
  namespace: string;
  /**
   * Labels of the storage object (`json:"-"`, never in the JSON; ST-7). What a driver puts
   * here depends on how the record was read: see storage/secrets.ts.
   */
  labels: Record<string, string>;
  /**
   * Helm 4's `apply_method` (`ssa` server-side apply, `csa` client-side; absent = client-side,
   * as Helm 3 writes no such field and ignores it when reading; design decision 8).
   */
  apply_method?: string;
}

/** A zero Info (all times zero, no status). */
export function emptyInfo(): Info {
  return {
    first_deployed: '',
    last_deployed: '',
    deleted: '',
    description: '',
    status: '',
    notes: '',
  };
}

/**
 * The chart part of a release: what json.Marshal keeps of a loaded chart. Go's loader only
 * appends templates and files, and makes `Values` only when values.yaml exists, so an absent
 * part is nil (`null` in the JSON) rather than empty.
 */
export function storedChart(chart: Chart): StoredChart {
  const hasValuesFile = chart.raw.some((f) => f.name === 'values.yaml');
  return {
    metadata: chart.metadata,
    lock: chart.lock,
    templates: chart.templates.length > 0 ? chart.templates : null,
    values: hasValuesFile || Object.keys(chart.values).length > 0 ? chart.values : null,
    schema: chart.schema,
    files: chart.files.length > 0 ? chart.files : null,
  };
}

/** A shallow copy with a copied Info and labels, for the pure transitions in records.ts. */
export function copyRelease(rel: Release): Release {
  return { ...rel, info: { ...rel.info }, labels: { ...rel.labels } };
}

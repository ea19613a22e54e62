/**
 * Pure constructors and status transitions of release records, with Helm 3's statuses and
 * descriptions (helm/helm pkg/action/{install,upgrade,rollback,uninstall}.go, v3.21;
 * docs/helm-semantics.md section 4). Every function returns a new record and leaves its
 * input untouched; times come from an injected Clock.
 */
import type { GoMap } from '../gotemplate/values.js';
import type { GoTime } from '../gotime/time.js';
import type { Clock } from '../gotime/clock.js';
import type { Hook } from './hook.js';
import type { HelmTime, Release, StoredChart } from './types.js';
import { Status, copyRelease } from './types.js';

const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

/** helm time.Time's JSON text: RFC 3339 with nanoseconds in the time's zone, `''` if zero. */
export function helmTime(t: GoTime): HelmTime {
  return t.isZero() ? '' : t.format(RFC3339_NANO);
}

/** The current time as a record stores it. */
export function now(clock: Clock): HelmTime {
  return helmTime(clock.now());
}

/** What rendering produced for a revision. */
export interface Rendered {
  manifest: string;
  hooks: Hook[];
  /** NOTES.txt output; `''` when none. */
  notes: string;
}

export interface NewInstallOptions {
  name: string;
  namespace: string;
  chart: StoredChart;
  /** User-supplied values (`config`); null or empty when none. */
  config: GoMap | null;
  /** `--labels`, already checked against the system labels (storage/labels.ts). */
  labels?: Record<string, string>;
  clock: Clock;
}

/**
 * Install.createRelease: revision 1, first and last deployed now, status `unknown`
 * (install step 7).
 */
export function newInstallRelease(opts: NewInstallOptions): Release {
  const ts = now(opts.clock);
  return {
    name: opts.name,
    namespace: opts.namespace,
    chart: opts.chart,
    config: opts.config,
    info: {
      first_deployed: ts,
      last_deployed: ts,
      deleted: '',
      description: '',
      status: Status.Unknown,
      notes: '',
    },
    manifest: '',
    hooks: [],
    version: 1,
    labels: { ...opts.labels },
  };
}

/** The rendered manifest, hooks and notes set on a record. */
export function withRendered(rel: Release, r: Rendered): Release {
  const next = copyRelease(rel);
  next.manifest = r.manifest;
  next.hooks = r.hooks;
  if (r.notes !== '') next.info.notes = r.notes;
  return next;
}

/** Release.SetStatus: status and description together. */
export function setStatus(rel: Release, status: Status, description: string): Release {
  const next = copyRelease(rel);
  next.info.status = status;
  next.info.description = description;
  return next;
}

/** Install step 8: `pending-install`, "Initial install underway". */
export function markPendingInstall(rel: Release): Release {
  return setStatus(rel, Status.PendingInstall, 'Initial install underway');
}

/** Success of install/upgrade/rollback: `deployed` with the verb's description. */
export function markDeployed(rel: Release, description: string): Release {
  return setStatus(rel, Status.Deployed, description);
}

/** Render failure before anything is stored (install step 7). */
export function failRender(rel: Release, err: Error): Release {
  return setStatus(rel, Status.Failed, `failed to render resource: ${err.message}`);
}

/** Install.failRelease: `Release "<name>" failed: <err>`. */
export function failInstall(rel: Release, err: Error): Release {
  return setStatus(rel, Status.Failed, `Release "${rel.name}" failed: ${err.message}`);
}

/** Upgrade.failRelease: `Upgrade "<name>" failed: <err>`. */
export function failUpgrade(rel: Release, err: Error): Release {
  return setStatus(rel, Status.Failed, `Upgrade "${rel.name}" failed: ${err.message}`);
}

/** Rollback failure: `Rollback "<name>" failed: <err>`. */
export function failRollback(rel: Release, err: Error): Release {
  return setStatus(rel, Status.Failed, `Rollback "${rel.name}" failed: ${err.message}`);
}

/**
 * A superseded record. Upgrade, rollback and `uninstall --keep-history` change only the
 * status; install `--replace` also sets "superseded by new release" (`description`).
 */
export function supersede(rel: Release, description?: string): Release {
  const next = copyRelease(rel);
  next.info.status = Status.Superseded;
  if (description !== undefined) next.info.description = description;
  return next;
}

/** Upgrade.mergeCustomLabels: desired over current; a value `"null"` deletes the label. */
export function mergeCustomLabels(
  current: Record<string, string>,
  desired: Record<string, string> = {},
): Record<string, string> {
  const merged = { ...current, ...desired };
  for (const [k, v] of Object.entries(merged)) if (v === 'null') delete merged[k];
  return merged;
}

export interface NewUpgradeOptions extends Rendered {
  /** The release being upgraded (deployed, or the last when none is, upgrade step 4). */
  current: Release;
  /** The highest revision of any status (upgrade step 2). */
  last: Release;
  chart: StoredChart;
  config: GoMap | null;
  /** `--labels` of this run, merged over the last revision's labels. */
  labels?: Record<string, string>;
  clock: Clock;
}

/** Upgrade.prepareUpgrade's new record: `pending-upgrade`, "Preparing upgrade" (step 7). */
export function newUpgradeRelease(opts: NewUpgradeOptions): Release {
  return {
    name: opts.current.name,
    namespace: opts.current.namespace,
    chart: opts.chart,
    config: opts.config,
    info: {
      first_deployed: opts.current.info.first_deployed,
      last_deployed: now(opts.clock),
      deleted: '',
      description: 'Preparing upgrade',
      status: Status.PendingUpgrade,
      notes: opts.notes,
    },
    manifest: opts.manifest,
    hooks: opts.hooks,
    version: opts.last.version + 1,
    labels: mergeCustomLabels(opts.last.labels, opts.labels),
  };
}

export interface NewRollbackOptions {
  /** The last revision (any status; rollback step 2). */
  current: Release;
  /** The revision rolled back to. */
  target: Release;
  clock: Clock;
}

/**
 * Rollback.prepareRollback's new record: chart, config, manifest, hooks, labels and notes of
 * the target, `pending-rollback`, "Rollback to <N>" (rollback step 4).
 */
export function newRollbackRelease(opts: NewRollbackOptions): Release {
  const { current, target } = opts;
  return {
    name: current.name,
    namespace: current.namespace,
    chart: target.chart,
    config: target.config,
    info: {
      first_deployed: current.info.first_deployed,
      last_deployed: now(opts.clock),
      deleted: '',
      description: `Rollback to ${target.version}`,
      status: Status.PendingRollback,
      notes: target.info.notes,
    },
    manifest: target.manifest,
    hooks: target.hooks,
    version: current.version + 1,
    labels: { ...target.labels },
  };
}

/** Uninstall step 4: `uninstalling`, deleted now, "Deletion in progress (or silently failed)". */
export function markUninstalling(rel: Release, clock: Clock): Release {
  const next = setStatus(rel, Status.Uninstalling, 'Deletion in progress (or silently failed)');
  next.info.deleted = now(clock);
  return next;
}

/** Uninstall step 10: `uninstalled`, `--description` or "Uninstallation complete". */
export function markUninstalled(rel: Release, description = ''): Release {
  return setStatus(rel, Status.Uninstalled, description || 'Uninstallation complete');
}

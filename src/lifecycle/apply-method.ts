/**
 * How objects reach the cluster (design decision 8; helm/helm v4 pkg/action/upgrade.go
 * `getUpgradeServerSideValue`, install.go, rollback.go, pkg/release/v1 `ApplyMethod`):
 * `--server-side true` is server-side apply, `false` Helm 3's create plus three-way merge
 * patch, `auto` keeps the method the release was installed with (a record without
 * `apply_method`, e.g. one Helm 3 wrote, means client-side) and installs with server-side
 * apply. hookline's `auto` also chooses client-side where the server's server-side apply is
 * not GA (before Kubernetes 1.22: a 1.20 server rejects Service ports without `protocol`).
 * The method is stored in the record as Helm 4 does (`apply_method`: `ssa` or `csa`).
 */
import type { ServerDiscovery } from '../kube/client.js';
import { serverSideApplyGA } from './cluster-capabilities.js';

export type ServerSideOption = 'auto' | 'true' | 'false';
export type ApplyMethod = 'ssa' | 'csa';

export const APPLY_SSA: ApplyMethod = 'ssa';
export const APPLY_CSA: ApplyMethod = 'csa';

/** How an update sends objects (Helm 4's ClientUpdateOption values). */
export interface ApplyMode {
  serverSide: boolean;
  /** `--force-conflicts`: server-side apply takes fields other managers own. */
  forceConflicts: boolean;
  /** `--force` (Helm 4 `--force-replace`): PUT the objects instead of patching them. */
  forceReplace: boolean;
}

/** A bad `--server-side` value or an impossible flag combination (Helm 4's texts). */
export class ApplyMethodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyMethodError';
  }
}

/** The `--server-side` value as typed (`true`/`false`/`auto`, or a boolean from the library). */
export function parseServerSide(value: string | boolean | undefined): ServerSideOption {
  if (value === undefined) return 'auto';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === 'auto' || value === 'true' || value === 'false') return value;
  throw new ApplyMethodError(`invalid/unknown release server-side apply method: ${value}`);
}

/**
 * The method of this operation. `previous` is the `apply_method` of the release it continues
 * (the last revision for upgrade, the target revision for rollback), or null for an install.
 */
export function chooseApplyMethod(
  option: ServerSideOption,
  previous: string | null | undefined,
  discovery: ServerDiscovery,
): ApplyMethod {
  if (option === 'true') return APPLY_SSA;
  if (option === 'false') return APPLY_CSA;
  if (!serverSideApplyGA(discovery)) return APPLY_CSA;
  if (previous === null) return APPLY_SSA;
  return previous === APPLY_SSA ? APPLY_SSA : APPLY_CSA;
}

/** The update mode, refusing what Helm 4's Update refuses. */
export function applyMode(
  method: ApplyMethod,
  flags: { forceConflicts?: boolean; force?: boolean },
): ApplyMode {
  const mode = {
    serverSide: method === APPLY_SSA,
    forceConflicts: flags.forceConflicts ?? false,
    forceReplace: flags.force ?? false,
  };
  if (mode.forceConflicts && !mode.serverSide)
    throw new ApplyMethodError(
      'invalid client update option(s): forceConflicts enabled when serverSideApply disabled',
    );
  if (mode.forceConflicts && mode.forceReplace)
    throw new ApplyMethodError(
      'invalid operation: cannot use force conflicts and force replace together',
    );
  if (mode.serverSide && mode.forceReplace)
    throw new ApplyMethodError(
      'invalid operation: cannot use server-side apply and force replace together',
    );
  return mode;
}

/**
 * Differences between hookline and Helm v3.15.4 that the differential suite still finds on the
 * v1.20 realcluster, per scenario, each with its reason. The lists hold the exact lines
 * `firstDifferences` reports (the first step that differs), so a listed scenario that changes
 * or stops differing fails the suite until this file is updated.
 */
export interface KnownDifference {
  reason: string;
  /** hookline alone vs Helm alone. */
  lifecycle?: string[];
  /** Helm installs, hookline upgrades, rolls back and uninstalls, vs Helm alone. */
  helmThenHookline?: string[];
  /** hookline installs, Helm takes over, vs Helm alone. */
  hooklineThenHelm?: string[];
}

export const KNOWN_DIFFERENCES: ReadonlyMap<string, KnownDifference> = new Map([]);

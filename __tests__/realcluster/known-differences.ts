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

export const KNOWN_DIFFERENCES: ReadonlyMap<string, KnownDifference> = new Map([
  [
    'hook-order',
    {
      reason:
        'hookline follows Helm v3.21 (helm-semantics.md section 3, execHook step 8), the realcluster ships Helm v3.15.4: when a later hook of an event fails, v3.21 deletes the earlier hooks of that event that succeeded and carry hook-succeeded (v3.15.4 leaves them), and reports the failed hook as `job NAME failed: REASON` where v3.15.4 wraps it in go-multierror (`1 error occurred:\\n\\t* ...`). Both are deliberate (README, Against a real cluster); the scenario hook-order-success compares the rest of the sequence.',
      lifecycle: [
        'upgrade: objects.Job/rel-post-upgrade: helm {"labels":{"controller-uid":"UID","job-name":"rel-post-upgrade"},"annotations":{"helm.sh/hook":"post-upgrade","helm.sh/hook-delete-policy":"hook-succeeded","..., hookline "absent"',
        'upgrade: records.1.info.description line 1: helm "Upgrade \\"rel\\" failed: post-upgrade hooks failed: 1 error occurred:", hookline "Upgrade \\"rel\\" failed: post-upgrade hooks failed: job rel-post-upgrade-fail failed: BackoffLimitExceeded"',
      ],
      helmThenHookline: [
        'upgrade: objects.Job/rel-post-upgrade: helm {"labels":{"controller-uid":"UID","job-name":"rel-post-upgrade"},"annotations":{"helm.sh/hook":"post-upgrade","helm.sh/hook-delete-policy":"hook-succeeded","..., hookline "absent"',
        'upgrade: records.1.info.description line 1: helm "Upgrade \\"rel\\" failed: post-upgrade hooks failed: 1 error occurred:", hookline "Upgrade \\"rel\\" failed: post-upgrade hooks failed: job rel-post-upgrade-fail failed: BackoffLimitExceeded"',
      ],
    },
  ],
]);

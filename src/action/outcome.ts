/**
 * What a run ended as, from the stored releases at the end (never from what the verb meant to
 * do): the outcome, the last record's status, revision and description, and the atomic
 * rollback or uninstall that followed a failure. Pure.
 */
import { WaitTimeoutError } from '../kube/wait.js';
import { Status, type Release } from '../release/types.js';
import type { Outcome, Recovery } from './summary-data.js';

export interface EndState {
  outcome: Outcome;
  status: string;
  revision: number;
  description: string;
  recovery: Recovery | null;
  /** The manifest the cluster is left with ('' when the release is gone). */
  manifest: string;
}

export interface EndInput {
  command: string;
  atomic: boolean;
  /** The verb's error, when it failed. */
  error?: unknown;
  cancelled: boolean;
  /** The record the verb returned or its error carried (the failed one on a failure). */
  attempted: Release | undefined;
  /** Every stored record of the release at the end (empty when none). */
  history: readonly Release[];
}

function timedOut(err: unknown): boolean {
  for (let e = err, d = 0; e instanceof Error && d < 10; e = e.cause, d++)
    if (e instanceof WaitTimeoutError) return true;
  return false;
}

const latest = (rs: readonly Release[]): Release | undefined =>
  rs.reduce<Release | undefined>((a, r) => (a && a.version >= r.version ? a : r), undefined);

function recoveryOf(input: EndInput, last: Release | undefined): Recovery | null {
  const a = input.attempted;
  if (!input.atomic || input.error === undefined || !a) return null;
  if (input.command !== 'install' && input.command !== 'upgrade') return null;
  const reason = a.info.description;
  if (!last) return { action: 'uninstall', reason, failedRevision: a.version };
  if (last.version > a.version && last.info.status === Status.Deployed) {
    const to = latest(
      input.history.filter(
        (r) =>
          r.version < a.version &&
          (r.info.status === Status.Superseded || r.info.status === Status.Deployed),
      ),
    );
    return {
      action: 'rollback',
      reason,
      failedRevision: a.version,
      ...(to ? { toRevision: to.version } : {}),
      revision: last.version,
    };
  }
  return null;
}

export function endState(input: EndInput): EndState {
  const last = latest(input.history);
  const recovery = recoveryOf(input, last);
  let outcome: Outcome = 'succeeded';
  if (input.error !== undefined) {
    if (input.cancelled) outcome = 'cancelled';
    else if (recovery) outcome = recovery.action === 'rollback' ? 'rolled-back' : 'uninstalled';
    else if (timedOut(input.error)) outcome = 'timed-out';
    else outcome = 'failed';
  }
  if (last)
    return {
      outcome,
      status: last.info.status,
      revision: last.version,
      description: last.info.description,
      recovery,
      manifest: last.info.status === Status.Uninstalled ? '' : last.manifest,
    };
  // Nothing stored: never installed (a render error), or uninstalled without history.
  const gone = input.command === 'uninstall' || recovery?.action === 'uninstall';
  return {
    outcome,
    status: gone ? 'uninstalled' : input.error !== undefined ? 'failed' : '',
    revision: 0,
    description: '',
    recovery,
    manifest: '',
  };
}

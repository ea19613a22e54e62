/**
 * `test(cfg, releaseName, options)`: helm test as a library call (helm/helm
 * pkg/action/release_testing.go ReleaseTesting.Run and cmd/helm/release_testing.go, v3.21.4;
 * helm-semantics.md section 4.5). hookline's improvement over EX-11 (design decision 9):
 * with `hookLogs: 'all'` every Job/Pod test hook's logs (all containers, Jobs through their
 * pods) are in the outcomes, read before any deletion; Helm's `POD LOGS:` step is not
 * repeated here.
 */
import { unreachableMessage } from '../kube/reachable.js';
import type { Hook } from '../release/hook.js';
import { validateReleaseName } from '../release/name.js';
import type { Release } from '../release/types.js';
import { DEFAULT_TIMEOUT_MS, asError, neverAborted, type Configuration } from './config.js';
import { ReleaseOperationError } from './errors.js';
import { runEventHooks } from './event-hooks.js';
import { recordRelease, updateRecord } from './record.js';
import type { HookLogsMode, HookOutcome } from './hooks.js';

export interface TestOptions {
  /** Milliseconds per hook (CMD-TIMEOUT: 5m0s). */
  timeout?: number;
  /** `--filter` values: `name=<x>` includes, `!name=<x>` excludes; comma-separated or repeated. */
  filters?: readonly string[];
  /** Whose pod logs the outcomes carry (default: failed hooks). */
  hookLogs?: HookLogsMode;
  signal?: AbortSignal;
}

export interface TestResult {
  /** The tested revision, its hooks' `last_run` updated (and stored). */
  release: Release;
  /** Every test hook run, in order. */
  hookOutcomes: HookOutcome[];
}

/** A test run that failed; `release` is the record as left (undefined when none was read). */
export class ReleaseTestError extends ReleaseOperationError {
  override name = 'ReleaseTestError';
}

/** The include (`name=`) and exclude (`!name=`) name lists of the filters. */
export interface TestFilters {
  include: string[];
  exclude: string[];
}

/**
 * The CLI's filter parsing: each value split on commas (pflag StringSlice), `name=` includes,
 * `!name=` (optionally `! name=`) excludes; anything else is ignored as Helm does.
 */
export function parseTestFilters(filters: readonly string[]): TestFilters {
  const out: TestFilters = { include: [], exclude: [] };
  for (const f of filters.flatMap((v) => (v === '' ? [] : v.split(',')))) {
    if (f.startsWith('name=')) out.include.push(f.slice('name='.length));
    else if (/^! ?name=/.test(f)) out.exclude.push(f.slice(f.indexOf('=') + 1));
  }
  return out;
}

/** Splits the hooks: exclusion first, then inclusion (section 4.5 step 3). */
export function filterHooks(
  hooks: readonly Hook[],
  filters: TestFilters,
): { executing: Hook[]; skipped: Hook[] } {
  let executing = [...hooks];
  const skipped: Hook[] = [];
  if (filters.exclude.length > 0) {
    skipped.push(...executing.filter((h) => filters.exclude.includes(h.name)));
    executing = executing.filter((h) => !filters.exclude.includes(h.name));
  }
  if (filters.include.length > 0) {
    skipped.push(...executing.filter((h) => !filters.include.includes(h.name)));
    executing = executing.filter((h) => filters.include.includes(h.name));
  }
  return { executing, skipped };
}

/** ReleaseTesting.Run. */
export async function test(
  cfg: Configuration,
  releaseName: string,
  options: TestOptions = {},
): Promise<TestResult> {
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new ReleaseTestError(unreachable, undefined);
  try {
    validateReleaseName(releaseName);
  } catch (err) {
    throw new ReleaseTestError(
      `releaseTest: Release name is invalid: ${releaseName}`,
      undefined,
      [],
      {
        cause: err,
      },
    );
  }
  let rel: Release;
  try {
    rel = await cfg.storage.last(releaseName);
  } catch (err) {
    throw new ReleaseTestError(asError(err).message, undefined, [], { cause: err });
  }
  const { executing, skipped } = filterHooks(rel.hooks, parseTestFilters(options.filters ?? []));
  rel.hooks = executing;
  const outcomes: HookOutcome[] = [];
  const error = await runEventHooks(
    cfg,
    rel,
    'test',
    {
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      signal: options.signal ?? neverAborted(),
      ...(options.hookLogs ? { hookLogs: options.hookLogs } : {}),
    },
    outcomes,
  );
  // [quirk] Skipped hooks go back in front of the ones that ran.
  rel.hooks = [...skipped, ...rel.hooks];
  if (error) {
    // Helm ignores this Update's error when the tests failed.
    await recordRelease(cfg, rel);
    throw new ReleaseTestError(error.message, rel, outcomes, { cause: error });
  }
  try {
    await updateRecord(cfg, rel);
  } catch (err) {
    throw new ReleaseTestError(asError(err).message, rel, outcomes, { cause: err });
  }
  return { release: rel, hookOutcomes: outcomes };
}

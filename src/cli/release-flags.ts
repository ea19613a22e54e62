/**
 * Pieces the cluster commands share: the flag kinds Helm declares as durations and ints
 * (pflag's texts for bad values), hookline's `--hook-logs`, and the hook summary printed after
 * a command that ran hooks, on failure before the error (design decision 9).
 */
import { DurationError, MILLISECOND, parseDuration } from '../gotime/duration.js';
import type { HookLogsMode, HookOutcome } from '../lifecycle/hooks.js';
import { parseServerSide, type ServerSideOption } from '../lifecycle/apply-method.js';
import { formatHookSummary } from './hook-summary.js';
import { BOOL_WORDS, UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import { connect, type Cluster } from './cluster.js';
import type { CliIo } from './io.js';
import { errorText } from '../util/errors.js';
import { restartOnOverflow } from '../runtime/stack-overflow.js';

export const TIMEOUT_FLAG: FlagSpec = { name: 'timeout', kind: 'string' };
export const WAIT_FLAGS: FlagSpec[] = [
  { name: 'wait', kind: 'bool' },
  { name: 'wait-for-jobs', kind: 'bool' },
  TIMEOUT_FLAG,
];
export const HOOK_LOGS_FLAG: FlagSpec = { name: 'hook-logs', kind: 'string' };

/**
 * Helm 4's apply flags (design decision 8) for upgrade and rollback: `--server-side
 * auto|true|false` (a string flag, so `--server-side false` works), `--force-conflicts`.
 */
export const APPLY_FLAGS: FlagSpec[] = [
  { name: 'server-side', kind: 'string' },
  { name: 'force-conflicts', kind: 'bool' },
];

/**
 * Install's: Helm 4 declares `--server-side` a bool there (a bare `--server-side` is true,
 * other values need `=`); hookline also accepts `--server-side=auto`, its default.
 */
export const INSTALL_APPLY_FLAGS: FlagSpec[] = [
  { name: 'server-side', kind: 'string', noOptDefVal: 'true' },
  { name: 'force-conflicts', kind: 'bool' },
];

/** What install and upgrade check: the manifest against the server's schema, values against theirs. */
export const VALIDATION_FLAGS: FlagSpec[] = [
  { name: 'disable-openapi-validation', kind: 'bool' },
  { name: 'skip-schema-validation', kind: 'bool' },
];

export function validationOptions(args: ParsedArgs): {
  disableOpenApiValidation: boolean;
  skipSchemaValidation: boolean;
} {
  return {
    disableOpenApiValidation: args.bools.get('disable-openapi-validation') ?? false,
    skipSchemaValidation: args.bools.get('skip-schema-validation') ?? false,
  };
}

/** `--dry-run[=client|server|none]` (a bare `--dry-run` or `true` is client, `false` none). */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', kind: 'string', noOptDefVal: 'client' };

/**
 * The apply options of APPLY_FLAGS. A bad `--server-side` value fails as Helm 4's
 * getUpgradeServerSideValue does (`invalid/unknown release server-side apply method: <v>`,
 * after the verb's `UPGRADE FAILED: ` when read inside the command).
 */
export function applyOptions(args: ParsedArgs): {
  serverSide: ServerSideOption;
  forceConflicts: boolean;
} {
  return {
    serverSide: parseServerSide(args.strings.get('server-side') ?? 'auto'),
    forceConflicts: args.bools.get('force-conflicts') ?? false,
  };
}

/** Helm 4's cmdGetDryRunFlagStrategy: undefined when not a dry run. */
export function dryRunOption(args: ParsedArgs): 'client' | 'server' | undefined {
  const v = args.strings.get('dry-run');
  if (v === undefined || v === 'none') return undefined;
  if (v === 'client' || v === 'server') return v;
  const b = BOOL_WORDS.get(v);
  if (b === undefined)
    throw new UsageError(`invalid dry-run value ("${v}"). Must be "none", "server", or "client"`);
  return b ? 'client' : undefined;
}

/** A `time.Duration` flag (pflag durationValue.Set) in milliseconds; default 5m0s. */
export function timeoutMs(args: ParsedArgs): number {
  const raw = args.strings.get('timeout');
  if (raw === undefined) return 5 * 60 * 1000;
  try {
    return Number(parseDuration(raw) / MILLISECOND);
  } catch (err) {
    if (!(err instanceof DurationError)) throw err;
    throw new UsageError(`invalid argument "${raw}" for "--timeout" flag: ${err.message}`);
  }
}

/** An `int` flag (pflag intValue.Set: strconv.ParseInt(s, 0, 64)). */
export function intFlag(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.strings.get(name);
  if (raw === undefined) return fallback;
  if (!/^[+-]?(0|[1-9][0-9]*)$/.test(raw)) {
    throw new UsageError(
      `invalid argument "${raw}" for "--${name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
    );
  }
  return Number(raw);
}

/** hookline's `--hook-logs failed|all|none` (default failed). */
export function hookLogs(args: ParsedArgs): HookLogsMode {
  const raw = args.strings.get('hook-logs') ?? 'failed';
  if (raw === 'failed' || raw === 'all' || raw === 'none') return raw;
  throw new UsageError(
    `invalid argument "${raw}" for "--hook-logs" flag: must be one of failed, all, none`,
  );
}

/** Exactly `count` positional arguments (cobra.ExactArgs), else Helm's usage error. */
export function exactArgs(args: ParsedArgs, command: string, names: string): void {
  const want = names.split(' ').length;
  if (args.positionals.length !== want) {
    throw new UsageError(
      `"hookline ${command}" requires ${want} argument${want === 1 ? '' : 's'}\n\nUsage:  hookline ${command} ${names} [flags]`,
    );
  }
}

/** Print the hook summary when any hook ran (stdout, before any error is printed). */
export function printHooks(io: CliIo, outcomes: readonly HookOutcome[] | undefined): void {
  const summary = formatHookSummary(outcomes ?? []);
  if (summary !== '') io.stdout(`\n${summary}`);
}

/** The hook outcomes an error carries (the verbs' typed errors all have `hookOutcomes`). */
export function outcomesOf(err: unknown): readonly HookOutcome[] {
  if (err instanceof Error && 'hookOutcomes' in err && Array.isArray(err.hookOutcomes)) {
    return err.hookOutcomes as HookOutcome[];
  }
  return [];
}

/**
 * Connect, run `body`, always close. A failing body prints its hooks, then the error is
 * rethrown with `wrap` applied (Helm's `INSTALLATION FAILED: ` / `UPGRADE FAILED: `).
 */
export async function withCluster<T>(
  args: ParsedArgs,
  io: CliIo,
  body: (cluster: Cluster) => Promise<T>,
  wrap: (message: string) => string = (m) => m,
): Promise<T> {
  let cluster: Cluster | undefined;
  try {
    cluster = await connect(args, io);
    return await body(cluster);
  } catch (err) {
    restartOnOverflow(err);
    printHooks(io, outcomesOf(err));
    const message = errorText(err);
    throw new Error(wrap(message), { cause: err });
  } finally {
    await cluster?.close();
  }
}

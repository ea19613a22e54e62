/**
 * Dispatching the action's command to a lifecycle verb (upgrade = `helm upgrade --install`),
 * and what every verb's result or error says: the release as left and the hooks that ran.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { Configuration } from '../lifecycle/config.js';
import { InstallError } from '../lifecycle/errors.js';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import type { Release } from '../release/types.js';
import type { ActionInputs } from './inputs.js';
import { errorText } from '../util/errors.js';

export interface VerbResult {
  release: Release | undefined;
  hookOutcomes: readonly HookOutcome[];
  notes: string;
}

export interface VerbContext {
  cfg: Configuration;
  namespace: string;
  inputs: ActionInputs;
  /** Loaded for install/upgrade. */
  chart: Chart | undefined;
  values: GoMap | undefined;
  /** The post-renderer (install/upgrade), when the inputs name one. */
  postRender?: (manifest: string) => string;
  signal: AbortSignal;
}

/** Every verb option the action's inputs give, by the verbs' option names. */
function inputOptions(ctx: VerbContext) {
  const i = ctx.inputs;
  return {
    namespace: ctx.namespace,
    ...(ctx.values ? { values: ctx.values } : {}),
    ...(i.description ? { description: i.description } : {}),
    timeout: i.timeoutMs,
    hookLogs: i.hookLogs,
    signal: ctx.signal,
    wait: i.wait,
    waitForJobs: i.waitForJobs,
    atomic: i.atomic,
    noHooks: i.noHooks,
    serverSide: i.serverSide,
    forceConflicts: i.forceConflicts,
    force: i.force,
    disableOpenApiValidation: i.disableOpenApiValidation,
    cleanupOnFail: i.cleanupOnFail,
    historyMax: i.historyMax,
    createNamespace: i.createNamespace,
    resetValues: i.resetValues,
    reuseValues: i.reuseValues,
    revision: i.revision,
    keepHistory: i.keepHistory,
    filters: i.testFilter,
  };
}
type InputOptions = ReturnType<typeof inputOptions>;

/** `keys` of `all`, those set. */
function pick<K extends keyof InputOptions>(
  all: InputOptions,
  keys: readonly K[],
): Pick<InputOptions, K> {
  const out: Partial<Pick<InputOptions, K>> = {};
  for (const k of keys) if (all[k] !== undefined) out[k] = all[k];
  return out as Pick<InputOptions, K>;
}

/** What every verb but test takes, and what the verbs that send objects take. */
const RUN = ['timeout', 'hookLogs', 'signal', 'wait', 'noHooks'] as const;
const APPLY = ['serverSide', 'forceConflicts', 'waitForJobs'] as const;

type ClusterCommand = Exclude<ActionInputs['command'], 'template'>;

/**
 * The one table of the action's verbs: which inputs each takes (by option name) and the call.
 * `upgrade` is `helm upgrade --install`. Each verb's module is imported when it runs: rollback,
 * uninstall and test never load the template engine (issue 10).
 */
const VERBS: {
  [C in ClusterCommand]: (ctx: VerbContext, all: InputOptions) => Promise<VerbResult>;
} = {
  install: async (ctx, all) =>
    (await import('../lifecycle/install.js')).install(ctx.cfg, ctx.chart!, {
      ...pick(all, [...RUN, ...APPLY, 'description', 'namespace', 'values', 'atomic']),
      disableOpenApiValidation: all.disableOpenApiValidation,
      ...(ctx.postRender ? { postRender: ctx.postRender } : {}),
      createNamespace: all.createNamespace,
      releaseName: ctx.inputs.release,
    }),
  upgrade: async (ctx, all) =>
    (await import('../lifecycle/upgrade.js')).upgrade(ctx.cfg, ctx.inputs.release, ctx.chart!, {
      ...pick(all, [...RUN, ...APPLY, 'description', 'namespace', 'values', 'atomic']),
      ...pick(all, ['resetValues', 'reuseValues', 'historyMax', 'cleanupOnFail', 'force']),
      disableOpenApiValidation: all.disableOpenApiValidation,
      ...(ctx.postRender ? { postRender: ctx.postRender } : {}),
      install: true,
    }),
  rollback: async (ctx, all) => {
    const { rollback } = await import('../lifecycle/rollback.js');
    const r = await rollback(
      ctx.cfg,
      ctx.inputs.release,
      pick(all, [...RUN, ...APPLY, 'revision', 'cleanupOnFail', 'force', 'historyMax']),
    );
    return { ...r, notes: r.release.info.notes };
  },
  uninstall: async (ctx, all) => {
    const { uninstall } = await import('../lifecycle/uninstall.js');
    const r = await uninstall(
      ctx.cfg,
      ctx.inputs.release,
      pick(all, [...RUN, 'description', 'keepHistory']),
    );
    return { ...r, notes: '' };
  },
  test: async (ctx, all) => {
    const { test } = await import('../lifecycle/test.js');
    const r = await test(
      ctx.cfg,
      ctx.inputs.release,
      pick(all, ['timeout', 'hookLogs', 'signal', 'filters']),
    );
    return { ...r, notes: r.release.info.notes };
  },
};

export async function runVerb(ctx: VerbContext): Promise<VerbResult> {
  const command = ctx.inputs.command;
  if (command === 'template') throw new Error('template does not run against a cluster');
  return VERBS[command](ctx, inputOptions(ctx));
}

interface CarriesRelease {
  release?: Release;
  hookOutcomes?: readonly HookOutcome[];
}

/** The release and hook outcomes a verb error (or its cause) carries. */
export function failureOf(err: unknown): VerbResult {
  for (let e = err, d = 0; e instanceof Error && d < 5; e = e.cause, d++) {
    const c = e as Error & CarriesRelease;
    if ('hookOutcomes' in c || 'release' in c) {
      return {
        release: c.release,
        hookOutcomes: c.hookOutcomes ?? [],
        notes: c.release?.info.notes ?? '',
      };
    }
  }
  return { release: undefined, hookOutcomes: [], notes: '' };
}

/** Helm's message for a failed command (`UPGRADE FAILED: ...` unless the upgrade installed). */
export function failureMessage(command: ActionInputs['command'], err: unknown): string {
  const msg = errorText(err);
  if (command !== 'upgrade') return msg;
  const cause = err instanceof Error ? err.cause : undefined;
  return cause instanceof InstallError || err instanceof InstallError
    ? msg
    : `UPGRADE FAILED: ${msg}`;
}

/**
 * Dispatching the action's command to a lifecycle verb (upgrade = `helm upgrade --install`),
 * and what every verb's result or error says: the release as left and the hooks that ran.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { Configuration } from '../lifecycle/config.js';
import { InstallError } from '../lifecycle/errors.js';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import { install } from '../lifecycle/install.js';
import { rollback } from '../lifecycle/rollback.js';
import { test } from '../lifecycle/test.js';
import { uninstall } from '../lifecycle/uninstall.js';
import { upgrade } from '../lifecycle/upgrade.js';
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
  signal: AbortSignal;
}

export async function runVerb(ctx: VerbContext): Promise<VerbResult> {
  const { cfg, inputs: i, signal } = ctx;
  const common = { timeout: i.timeoutMs, hookLogs: i.hookLogs, signal };
  const apply = { serverSide: i.serverSide, forceConflicts: i.forceConflicts };
  const description = i.description ? { description: i.description } : {};
  switch (i.command) {
    case 'install': {
      const r = await install(cfg, ctx.chart!, {
        ...common,
        ...apply,
        ...description,
        releaseName: i.release,
        namespace: ctx.namespace,
        ...(ctx.values ? { values: ctx.values } : {}),
        createNamespace: i.createNamespace,
        wait: i.wait,
        waitForJobs: i.waitForJobs,
        atomic: i.atomic,
        noHooks: i.noHooks,
      });
      return r;
    }
    case 'upgrade':
      return upgrade(cfg, i.release, ctx.chart!, {
        ...common,
        ...apply,
        ...description,
        ...(ctx.values ? { values: ctx.values } : {}),
        install: true,
        namespace: ctx.namespace,
        resetValues: i.resetValues,
        reuseValues: i.reuseValues,
        historyMax: i.historyMax,
        cleanupOnFail: i.cleanupOnFail,
        force: i.force,
        wait: i.wait,
        waitForJobs: i.waitForJobs,
        atomic: i.atomic,
        noHooks: i.noHooks,
      });
    case 'rollback': {
      const r = await rollback(cfg, i.release, {
        ...common,
        ...apply,
        revision: i.revision,
        wait: i.wait,
        waitForJobs: i.waitForJobs,
        noHooks: i.noHooks,
        cleanupOnFail: i.cleanupOnFail,
        force: i.force,
        historyMax: i.historyMax,
      });
      return { ...r, notes: r.release.info.notes };
    }
    case 'uninstall': {
      const r = await uninstall(cfg, i.release, {
        ...common,
        ...description,
        keepHistory: i.keepHistory,
        noHooks: i.noHooks,
        wait: i.wait,
      });
      return { ...r, notes: '' };
    }
    case 'test': {
      const r = await test(cfg, i.release, { ...common, filters: i.testFilter });
      return { ...r, notes: r.release.info.notes };
    }
    case 'template':
      throw new Error('template does not run against a cluster');
  }
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

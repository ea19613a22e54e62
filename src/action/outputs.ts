/**
 * The action's outputs (docs/design.md section 1): status, revision, release, namespace, hooks
 * (JSON array of hook outcomes), notes, manifest-digest (sha256 of the release manifest) and
 * plan (dry-run JSON of changes), manifest-path (`template`: the manifest file). Pure.
 */
import { createHash } from 'node:crypto';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import { Output, type OutputName } from './input-names.js';
import type { Plan } from './plan.js';

export interface OutputSource {
  status: string;
  revision: number;
  release: string;
  namespace: string;
  hooks: readonly HookOutcome[];
  notes: string;
  manifest: string;
  /** `template`: where the manifest was written ('' otherwise). */
  manifestPath: string;
  plan: Plan | null;
}

/** `sha256:<hex>` of the manifest text, `''` when there is none. */
export function manifestDigest(manifest: string): string {
  if (manifest === '') return '';
  return `sha256:${createHash('sha256').update(manifest, 'utf8').digest('hex')}`;
}

export function actionOutputs(src: OutputSource): Record<OutputName, string> {
  return {
    [Output.status]: src.status,
    [Output.revision]: src.revision > 0 ? String(src.revision) : '',
    [Output.release]: src.release,
    [Output.namespace]: src.namespace,
    [Output.hooks]: JSON.stringify(src.hooks),
    [Output.notes]: src.notes,
    [Output.manifestDigest]: manifestDigest(src.manifest),
    [Output.plan]: src.plan ? JSON.stringify(src.plan) : '',
    [Output.manifestPath]: src.manifestPath,
  };
}

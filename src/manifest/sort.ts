/**
 * Separating hooks from ordinary manifests and ordering both (helm/helm
 * pkg/releaseutil/manifest_sorter.go `SortManifests`; MP-1..MP-4, HK-1..HK-11, ORD-3/ORD-4).
 */
import type { GoValue } from '../gotemplate/values.js';
import { compareGoStrings } from '../gotemplate/values.js';
import type { Hook } from '../release/hook.js';
import {
  HOOK_ANNOTATION,
  HOOK_DELETE_ANNOTATION,
  HOOK_OUTPUT_LOG_ANNOTATION,
  HOOK_WEIGHT_ANNOTATION,
  parseHookEvent,
} from '../release/hook.js';
import { goTrimSpace } from '../util/go-strings.js';
import { yamlToGo } from '../yaml/index.js';
import { INSTALL_ORDER, sortByKind } from './kind-order.js';
import type { SimpleHead } from './head.js';
import { parseHead } from './head.js';
import { splitManifests } from './split.js';
import { pathBase } from '../util/go-path.js';
import { errorText } from '../util/errors.js';

/** An ordinary (non-hook) manifest document. */
export interface Manifest {
  /** Template path, e.g. `mychart/templates/deployment.yaml`. */
  readonly name: string;
  /** The document text, trimmed. */
  readonly content: string;
  readonly head: SimpleHead;
}

export interface SortedManifests {
  readonly hooks: Hook[];
  readonly manifests: Manifest[];
  /** Documents dropped because of an unknown hook event (HK-3), for warnings. */
  readonly skippedHooks: Array<{ path: string; value: string }>;
}

/** A rendered document that is not valid YAML, with what was sorted before it. */
export class ManifestParseError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly partial: SortedManifests,
  ) {
    super(`YAML parse error on ${path}: ${detail}`);
    this.name = 'ManifestParseError';
  }
}

/** strconv.Atoi semantics for hook weights (HK-6): anything unparsable is 0. */
export function parseHookWeight(raw: string | undefined): number {
  if (raw === undefined || !/^[+-]?[0-9]+$/.test(raw)) return 0;
  const n = BigInt(raw);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return 0;
  return Number(n);
}

function annotationValues(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw.split(',').map((v) => goTrimSpace(v).toLowerCase());
}

function toHook(path: string, content: string, head: SimpleHead, events: Hook['events']): Hook {
  const annotations = head.annotations;
  return {
    name: head.name,
    kind: head.kind,
    path,
    manifest: content,
    events,
    last_run: { started_at: '', completed_at: '', phase: '' },
    weight: parseHookWeight(annotations.get(HOOK_WEIGHT_ANNOTATION)),
    delete_policies: annotationValues(annotations.get(HOOK_DELETE_ANNOTATION)),
    output_log_policies: annotationValues(annotations.get(HOOK_OUTPUT_LOG_ANNOTATION)),
  };
}

/**
 * Sort rendered files into hooks and manifests. Files are visited in byte-wise path order,
 * partials (`_*`) and whitespace-only files skipped, documents kept in file order; both lists
 * are then stable-sorted by kind with `order` (InstallOrder by default).
 */
export function sortManifests(
  files: ReadonlyMap<string, string>,
  order: readonly string[] = INSTALL_ORDER,
  parse: (doc: string) => GoValue = yamlToGo,
): SortedManifests {
  const hooks: Hook[] = [];
  const generic: Manifest[] = [];
  const skippedHooks: SortedManifests['skippedHooks'] = [];
  const paths = [...files.keys()].sort(compareGoStrings);
  for (const path of paths) {
    const text = files.get(path) ?? '';
    if (pathBase(path).startsWith('_') || goTrimSpace(text) === '') continue;
    for (const content of splitManifests(text)) {
      let head: SimpleHead;
      try {
        head = parseHead(content, parse);
      } catch (err) {
        const detail = errorText(err);
        throw new ManifestParseError(path, detail, { hooks, manifests: generic, skippedHooks });
      }
      const hookValue = head.annotations.get(HOOK_ANNOTATION);
      if (hookValue === undefined) {
        generic.push({ name: path, content, head });
        continue;
      }
      const events = hookValue.split(',').map(parseHookEvent);
      if (events.some((e) => e === undefined)) {
        skippedHooks.push({ path, value: hookValue });
        continue;
      }
      hooks.push(toHook(path, content, head, events as Hook['events']));
    }
  }
  return {
    hooks: sortByKind(hooks, (h) => h.kind, order),
    manifests: sortByKind(generic, (m) => m.head.kind, order),
    skippedHooks,
  };
}

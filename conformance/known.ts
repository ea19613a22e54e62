/**
 * What both conformance runners share: where the corpus is, and the list of cases known to fail
 * (each with its reason and its last failure detail, so a listed case cannot change unnoticed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface KnownFailure {
  id: string;
  /** Why the case fails: the Helm change that explains it, or the work it waits for. */
  reason: string;
  /** The failure detail as last seen; a different detail means the case changed. */
  detail?: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** ../shared/conformance beside the checkout, or HOOKLINE_CONFORMANCE_DIR. */
export function corpusRoot(): string {
  const dir =
    process.env.HOOKLINE_CONFORMANCE_DIR ?? resolve(here, '..', '..', 'shared', 'conformance');
  if (!existsSync(dir))
    throw new Error(`conformance corpus not found at ${dir} (set HOOKLINE_CONFORMANCE_DIR)`);
  return dir;
}

/** The known failures listed in `conformance/<fileName>`, by case id; each must give a reason. */
export function knownFailures(fileName: string): Map<string, KnownFailure> {
  const file = join(here, fileName);
  if (!existsSync(file)) return new Map();
  const list = JSON.parse(readFileSync(file, 'utf8')) as KnownFailure[];
  for (const k of list)
    if (!k.reason?.trim()) throw new Error(`known failure ${k.id} has no reason`);
  return new Map(list.map((k) => [k.id, k]));
}

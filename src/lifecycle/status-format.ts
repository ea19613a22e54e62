/**
 * formatStatus: the table output of `helm status` and of `helm install/upgrade` (helm/helm
 * cmd/helm/status.go statusPrinter.WriteTable, v3.21.4), and `--hide-secret` (pkg/action
 * action.go renderResources: v1 Secrets printed as a `# HIDDEN:` line).
 */
import { parse } from 'yaml';
import type { Hook } from '../release/hook.js';
import type { Release } from '../release/types.js';
import { ANSIC, formatHelmTime } from './release-time.js';

export interface FormatStatusOptions {
  /** `--hide-secret`: replace the bodies of `v1` Secrets in MANIFEST. */
  hideSecret?: boolean;
}

const SOURCE_SEP = '---\n# Source: ';
const HIDDEN = '# HIDDEN: The Secret output has been suppressed';

/** The release block, every line ending in `\n`. */
export function formatStatus(rel: Release, options: FormatStatusOptions = {}): string {
  let out = `NAME: ${rel.name}\n`;
  if (rel.info.last_deployed !== '')
    out += `LAST DEPLOYED: ${formatHelmTime(rel.info.last_deployed, ANSIC)}\n`;
  out += `NAMESPACE: ${rel.namespace}\n`;
  out += `STATUS: ${rel.info.status}\n`;
  out += `REVISION: ${rel.version}\n`;
  out += testSuites(rel.hooks);
  // strings.EqualFold(description, "Dry run complete"); debug output is not supported.
  if (rel.info.description.toLowerCase() === 'dry run complete') {
    out += 'HOOKS:\n';
    for (const h of rel.hooks) out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    const manifest = options.hideSecret ? hideSecrets(rel.manifest) : rel.manifest;
    out += `MANIFEST:\n${manifest}\n`;
  }
  if (rel.info.notes.length > 0) out += `NOTES:\n${rel.info.notes.trim()}\n`;
  return out;
}

/** executionsByHookEvent(rel)[test]: `TEST SUITE: None`, or one block per started hook. */
function testSuites(hooks: readonly Hook[]): string {
  const tests = hooks.filter((h) => h.events.includes('test'));
  if (tests.length === 0) return 'TEST SUITE: None\n';
  let out = '';
  for (const h of tests) {
    // Helm appends a hook once per listed event, so `test` twice shows it twice.
    for (const e of h.events) {
      if (e !== 'test' || h.last_run.started_at === '') continue;
      out +=
        `TEST SUITE:     ${h.name}\n` +
        `Last Started:   ${formatHelmTime(h.last_run.started_at, ANSIC)}\n` +
        `Last Completed: ${formatHelmTime(h.last_run.completed_at, ANSIC)}\n` +
        `Phase:          ${h.last_run.phase}\n`;
    }
  }
  return out;
}

/** The manifest with every `apiVersion: v1`, `kind: Secret` document replaced by HIDDEN. */
export function hideSecrets(manifest: string): string {
  if (!manifest.startsWith(SOURCE_SEP)) return manifest;
  return manifest
    .slice(SOURCE_SEP.length)
    .split(`\n${SOURCE_SEP}`)
    .map((chunk) => {
      const nl = chunk.indexOf('\n');
      const source = nl < 0 ? chunk : chunk.slice(0, nl);
      const content = nl < 0 ? '' : chunk.slice(nl + 1);
      return isV1Secret(content) ? `${SOURCE_SEP}${source}\n${HIDDEN}\n` : `${SOURCE_SEP}${chunk}`;
    })
    .map((c, i, all) => (i < all.length - 1 && !c.endsWith('\n') ? `${c}\n` : c))
    .join('');
}

/** releaseutil.SimpleHead of a document: `apiVersion` v1 and `kind` Secret. */
function isV1Secret(content: string): boolean {
  let head: unknown;
  try {
    head = parse(content);
  } catch {
    return false;
  }
  if (head === null || typeof head !== 'object') return false;
  const h = head as Record<string, unknown>;
  return h.apiVersion === 'v1' && h.kind === 'Secret';
}

/**
 * Set-up shared by the upgrade and rollback tests (on top of install-fixtures.ts): charts with
 * a values.yaml and a version, a ConfigMap template that prints values, typed-error capture
 * and a few storage probes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadChart } from '../../src/chart/directory.js';
import type { Chart } from '../../src/chart/types.js';
import type { Storage } from '../../src/storage/storage.js';

/** A chart with Chart.yaml version `version`, values.yaml text and templates. */
export function valuesChart(
  name: string,
  version: string,
  valuesYaml: string,
  templates: Record<string, string>,
): Chart {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-upgrade-'));
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
  writeFileSync(join(dir, 'values.yaml'), valuesYaml);
  for (const [path, text] of Object.entries(templates)) {
    const file = join(dir, 'templates', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return loadChart(dir);
}

/** A ConfigMap whose data prints `.Values.<key>` for each key (missing → `<no value>`). */
export function valuesConfigMap(name: string, keys: readonly string[]): string {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${name}`,
    'data:',
    ...keys.map((k) => `  ${k}: {{ .Values.${k} | default "none" | quote }}`),
    '',
  ].join('\n');
}

/** The rejection of `p`, which must be an instance of `type`. */
export async function rejection<E extends Error>(
  p: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  try {
    await p;
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(`expected a ${type.name}`);
}

/** `[revision, status, description]` of every stored record, oldest first. */
export async function statuses(storage: Storage, name: string): Promise<string[][]> {
  const rels = await storage.history(name);
  return rels
    .sort((a, b) => a.version - b.version)
    .map((r) => [String(r.version), r.info.status, r.info.description]);
}

/** Polls until revision `version`'s first hook is persisted as Running (section 3.1 step 4). */
export async function untilHookRunning(
  storage: Storage,
  name: string,
  version: number,
): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const rel = await storage.get(name, version).catch(() => undefined);
    if (rel?.hooks[0]?.last_run.phase === 'Running') return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

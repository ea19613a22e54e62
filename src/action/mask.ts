/**
 * What the action masks (core.setSecret): at once the raw secret inputs, the kubeconfig's
 * content and every credential in it (tokens, client keys and certificates, passwords), decoded
 * too when they are base64; later every Secret's data in a manifest the run reads or renders.
 * The finders are pure (they return the strings to mask); `maskInputs` and `maskManifests` are
 * the one place the action hands them to core.setSecret.
 */
import { parse as parseYaml } from 'yaml';
import type { CoreFacade } from './deps.js';
import { Input } from './input-names.js';

const SECRET_KEYS = new Set([
  'token',
  'client-key-data',
  'client-certificate-data',
  'password',
  'id-token',
  'refresh-token',
  'client-secret',
]);

function collect(v: unknown, out: string[]): void {
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v)) {
    if (SECRET_KEYS.has(k) && typeof x === 'string' && x !== '') {
      out.push(x);
      if (k.endsWith('-data'))
        out.push(
          ...Buffer.from(x, 'base64')
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim().length > 8),
        );
    } else collect(x, out);
  }
}

export function kubeconfigSecrets(kubeconfig: string): string[] {
  if (kubeconfig === '') return [];
  const out = [kubeconfig];
  try {
    collect(parseYaml(kubeconfig), out);
  } catch {
    // Already validated by parseInputs; an unparsable text is masked whole.
  }
  return [...new Set(out)];
}

/** The data of every Secret in a manifest: `data` values (and decoded) and `stringData` values. */
export function secretDataValues(manifest: string): string[] {
  const out: string[] = [];
  for (const text of manifest.split(/^---[ \t]*$/m)) {
    if (!/^kind:\s*Secret\s*$/m.test(text)) continue;
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch {
      continue;
    }
    const d = (doc ?? {}) as { kind?: unknown; data?: unknown; stringData?: unknown };
    if (d.kind !== 'Secret') continue;
    for (const [field, encoded] of [
      [d.data, true],
      [d.stringData, false],
    ] as const) {
      if (field === null || typeof field !== 'object') continue;
      for (const v of Object.values(field)) {
        if (typeof v !== 'string' || v === '') continue;
        out.push(v);
        if (encoded) {
          const plain = Buffer.from(v, 'base64').toString('utf8');
          if (plain !== '') out.push(plain);
        }
      }
    }
  }
  return [...new Set(out)];
}

/** The inputs secret as a whole, masked before anything could print them (even a bad value). */
export function maskInputs(core: Pick<CoreFacade, 'getInput' | 'setSecret'>): void {
  const kubeconfig = core.getInput(Input.kubeconfig);
  if (kubeconfig.trim() !== '') core.setSecret(kubeconfig);
  const registryPassword = core.getInput(Input.registryPassword);
  if (registryPassword !== '') core.setSecret(registryPassword);
}

/** Every credential in the parsed kubeconfig, masked. */
export function maskKubeconfig(core: Pick<CoreFacade, 'setSecret'>, kubeconfig: string): void {
  for (const s of kubeconfigSecrets(kubeconfig)) core.setSecret(s);
}

/** Every Secret's data value in each manifest, masked. */
export function maskManifests(
  core: Pick<CoreFacade, 'setSecret'>,
  ...manifests: readonly string[]
): void {
  for (const manifest of manifests) for (const s of secretDataValues(manifest)) core.setSecret(s);
}

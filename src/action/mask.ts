/**
 * What the action masks at once (core.setSecret): the kubeconfig's content and every
 * credential in it (tokens, client keys and certificates, passwords), decoded too when they
 * are base64. Pure: returns the strings to mask.
 */
import { parse as parseYaml } from 'yaml';

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

/**
 * What the action masks (core.setSecret): at once the raw secret inputs, the kubeconfig's
 * content and every credential in it (tokens, client keys and certificates, passwords), decoded
 * too when they are base64; later every Secret's data in a manifest the run reads or renders.
 * The finders are pure (they return the strings to mask); `maskInputs` and `maskManifests` are
 * the one place the action hands them to core.setSecret.
 */
import { parse as parseYaml } from 'yaml';
import { hasEscapedBytes } from '../gotemplate/go-utf8.js';
import { isMap, type GoValue } from '../gotemplate/values.js';
import { fastDecode } from '../yaml/fast-decode.js';
import { readerProblem } from '../yaml/reader-check.js';
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

/**
 * Plain scalars that YAML 1.2's core schema (the `yaml` package's default) reads as null, a
 * boolean or a number: a string of this form from the block-subset reader may have been plain.
 */
const CORE_NOT_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** A line that holds a block mapping key (after indentation and sequence dashes). */
const KEY_LINE = /^[ \t]*(?:-[ \t]+)*[^\s#-][^\n]*?:(?:[ \t]|$)/gm;

/** Whether `v`, read by go-yaml v2's rules, reads the same under YAML 1.2 (see below). */
function sameUnderCore(v: GoValue): { same: boolean; keys: number } {
  let keys = 0;
  let same = true;
  const walk = (x: GoValue): void => {
    if (Array.isArray(x)) for (const e of x) walk(e);
    else if (isMap(x))
      for (const [k, e] of Object.entries(x)) {
        keys++;
        if (SECRET_KEYS.has(k) && e !== null && !isMap(e) && !Array.isArray(e)) {
          if (typeof e !== 'string' || CORE_NOT_STRING.test(e)) same = false;
        } else walk(e);
      }
  };
  walk(v);
  return { same, keys };
}

/**
 * The kubeconfig read by the block-subset reader (yaml/fast-decode.ts; issue 10: loading and
 * running the `yaml` package cost ~13 ms before the action's first request), when that gives
 * what the `yaml` package's parse would for every credential: no credential whose scalar YAML
 * 1.1 and 1.2 read differently (`yes`, `0o17`, `012`), and as many keys as the text has key
 * lines (the `yaml` package rejects duplicate keys). Else undefined.
 */
function fastKubeconfig(text: string): GoValue | undefined {
  if (hasEscapedBytes(text) || readerProblem(text) !== undefined) return undefined;
  const v = fastDecode(text);
  if (v === undefined) return undefined;
  const { same, keys } = sameUnderCore(v);
  if (!same || keys !== (text.match(KEY_LINE)?.length ?? 0)) return undefined;
  return v;
}

export function kubeconfigSecrets(kubeconfig: string, opts: { fast?: boolean } = {}): string[] {
  if (kubeconfig === '') return [];
  const out = [kubeconfig];
  try {
    const fast = opts.fast === false ? undefined : fastKubeconfig(kubeconfig);
    collect(fast !== undefined ? fast : parseYaml(kubeconfig), out);
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

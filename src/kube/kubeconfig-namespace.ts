/**
 * The namespace a kubeconfig's context names (client-go's clientcmd `Namespace()` without
 * overrides), read with hookline's own YAML parser: no Kubernetes client is loaded for it
 * (`template` reads it). Pure.
 */
import { marshalJson } from '../gojson/index.js';
import { yamlToGo } from '../yaml/index.js';

/**
 * The `namespace` of the context `context` (else the current one) in a kubeconfig's text;
 * undefined when it names none or the text is not a kubeconfig (Helm falls back to `default`).
 */
export function contextNamespace(text: string, context?: string): string | undefined {
  let config: unknown;
  try {
    config = JSON.parse(marshalJson(yamlToGo(text)));
  } catch {
    return undefined;
  }
  const c = config as {
    'current-context'?: unknown;
    contexts?: Array<{ name?: unknown; context?: { namespace?: unknown } }>;
  } | null;
  const name = context || c?.['current-context'];
  if (typeof name !== 'string' || !Array.isArray(c?.contexts)) return undefined;
  const ns = c.contexts.find((x) => x?.name === name)?.context?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}

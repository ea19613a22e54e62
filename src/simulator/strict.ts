/**
 * What a real API server refuses and a lenient simulator would accept (issue 9; checked against
 * kube-apiserver v1.20 in /work/shared/realcluster):
 *
 * - Secret `data` values must be standard, padded base64 (Go's encoding/base64 StdEncoding, as
 *   json-iterator decodes `[]byte`; `\r` and `\n` are skipped): `Secret in version "v1" cannot be
 *   handled as a Secret: v1.Secret.Data: decode base64: illegal base64 data at input byte N`
 *   (400; the server's json-iterator context excerpt is not reproduced).
 * - The namespaces `default`, `kube-system` and `kube-public` cannot be deleted:
 *   `namespaces "kube-system" is forbidden: this namespace may not be deleted` (403).
 */
import { badRequest, forbidden } from './errors.js';
import type { ResourceType } from './discovery.js';
import { child, isObject, type JsonObject } from './json.js';

const B64 = /[A-Za-z0-9+/]/;

/**
 * Go's `base64.StdEncoding.DecodeString` error position (`CorruptInputError`), or undefined
 * when `s` decodes.
 */
export function base64ErrorAt(s: string): number | undefined {
  let si = 0;
  const skipNewlines = (): void => {
    while (si < s.length && (s[si] === '\n' || s[si] === '\r')) si++;
  };
  while (si < s.length) {
    for (let j = 0; j < 4; j++) {
      skipNewlines();
      if (si === s.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = s[si]!;
      si++;
      if (B64.test(c)) continue;
      if (c !== '=') return si - 1;
      // Padding: only in the last two places of a quantum, then the end of the input.
      if (j < 2) return si - 1;
      if (j === 2) {
        skipNewlines();
        if (si === s.length) return s.length;
        if (s[si] !== '=') return si - 1;
        si++;
      }
      skipNewlines();
      if (si < s.length) return si;
      return undefined;
    }
  }
  return undefined;
}

function isSecrets(type: ResourceType): boolean {
  return type.group === '' && type.plural === 'secrets';
}

/** A Secret whose `data` is not base64 is refused as the server's decoder refuses it. */
export function checkSecretData(type: ResourceType, version: string, obj: JsonObject): void {
  if (!isSecrets(type)) return;
  const data = child(obj, 'data');
  if (!isObject(data)) return;
  for (const value of Object.values(data)) {
    if (typeof value !== 'string') continue;
    const at = base64ErrorAt(value);
    if (at !== undefined)
      throw badRequest(
        `Secret in version "${version}" cannot be handled as a Secret: ${version}.Secret.Data: decode base64: illegal base64 data at input byte ${at}`,
      );
  }
}

/** The namespaces the NamespaceLifecycle admission plugin never lets go. */
export const UNDELETABLE_NAMESPACES = ['default', 'kube-system', 'kube-public'];

export function checkDeletable(type: ResourceType, name: string): void {
  if (type.group !== '' || type.plural !== 'namespaces') return;
  if (!UNDELETABLE_NAMESPACES.includes(name)) return;
  throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, {
    name,
    kind: 'namespaces',
  });
}

/**
 * storage's SecretsApi over a KubeClient (ST-4). The driver's `data` values are the bytes'
 * text (Helm's base64 release string); the API carries bytes base64-encoded, so values are
 * base64-encoded once more on the way out and decoded one layer on the way in, as client-go
 * does for `map[string][]byte`. API errors become storage's ApiNotFoundError /
 * ApiAlreadyExistsError.
 */
import type { SecretObject, SecretsApi } from '../storage/secrets.js';
import type { KubeClient, WireSecret } from './client.js';
import { storageErrors } from './storage-errors.js';

function mapData(
  data: Record<string, string> | undefined,
  f: (v: string) => string,
): Record<string, string> | undefined {
  if (data === undefined) return undefined;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, f(v)]));
}

const encode = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

function toWire(s: SecretObject): WireSecret {
  const out: WireSecret = { metadata: { ...s.metadata } };
  if (s.type !== undefined) out.type = s.type;
  const data = mapData(s.data, encode);
  if (data !== undefined) out.data = data;
  return out;
}

function fromWire(w: WireSecret): SecretObject {
  const out: SecretObject = { metadata: { ...w.metadata } };
  if (w.type !== undefined) out.type = w.type;
  const data = mapData(w.data, decode);
  if (data !== undefined) out.data = data;
  return out;
}

/** The Secrets of one namespace as storage's SecretsDriver needs them. */
export function secretsApi(client: KubeClient, namespace: string): SecretsApi {
  const secrets = client.secrets(namespace);
  const errors = storageErrors('secrets');
  return {
    create: (obj) =>
      errors(obj.metadata.name, async () => fromWire(await secrets.create(toWire(obj)))),
    get: (name) => errors(name, async () => fromWire(await secrets.get(name))),
    update: (obj) =>
      errors(obj.metadata.name, async () => fromWire(await secrets.update(toWire(obj)))),
    delete: (name) => errors(name, () => secrets.delete(name)),
    list: async (labelSelector) => (await secrets.list(labelSelector)).map(fromWire),
  };
}

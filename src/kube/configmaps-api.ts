/**
 * storage's ConfigMapsApi over a KubeClient (ST-5): ConfigMap data is text, so values pass
 * through unchanged. API errors become storage's ApiNotFoundError / ApiAlreadyExistsError.
 */
import type { ConfigMapObject, ConfigMapsApi } from '../storage/configmaps.js';
import type { KubeClient, WireConfigMap } from './client.js';
import { storageErrors } from './storage-errors.js';

function toWire(c: ConfigMapObject): WireConfigMap {
  const out: WireConfigMap = { metadata: { ...c.metadata } };
  if (c.data !== undefined) out.data = { ...c.data };
  return out;
}

function copy(c: WireConfigMap): ConfigMapObject {
  const out: ConfigMapObject = { metadata: { ...c.metadata } };
  if (c.data !== undefined) out.data = { ...c.data };
  return out;
}

/** The ConfigMaps of one namespace as storage's ConfigMapsDriver needs them. */
export function configMapsApi(client: KubeClient, namespace: string): ConfigMapsApi {
  const maps = client.configMaps(namespace);
  const errors = storageErrors('configmaps');
  return {
    create: (obj) => errors(obj.metadata.name, async () => copy(await maps.create(toWire(obj)))),
    get: (name) => errors(name, async () => copy(await maps.get(name))),
    update: (obj) => errors(obj.metadata.name, async () => copy(await maps.update(toWire(obj)))),
    delete: (name) => errors(name, () => maps.delete(name)),
    list: async (labelSelector) => (await maps.list(labelSelector)).map(copy),
  };
}

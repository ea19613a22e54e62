/**
 * The ConfigMap driver (helm/helm pkg/storage/driver/cfgmaps.go, v3.21; ST-5): one ConfigMap
 * per revision named `sh.helm.release.v1.<name>.v<N>`, no type, labels per ST-7, and
 * `data.release` holding the encoded release as a plain string (a single base64 layer: a
 * ConfigMap's data is text). Unlike the Secret driver, API errors are passed on unwrapped
 * (cfgmaps.go only logs the context).
 */
import type { Labels } from './driver.js';
import type { ObjectApi, ObjectDriverOptions, ObjectMeta } from './object-driver.js';
import { ObjectDriver } from './object-driver.js';

/** A ConfigMap as the driver sees it. */
export interface ConfigMapObject {
  metadata: ObjectMeta;
  data?: Record<string, string>;
}

/** The namespaced ConfigMaps API the driver needs (corev1.ConfigMapInterface's five calls). */
export type ConfigMapsApi = ObjectApi<ConfigMapObject>;

export class ConfigMapsDriver extends ObjectDriver<ConfigMapObject> {
  readonly name = 'ConfigMap';

  constructor(api: ConfigMapsApi, opts?: ObjectDriverOptions) {
    super(api, opts);
  }

  /** newConfigMapsObject. */
  protected newObject(key: string, encoded: string, labels: Labels): ConfigMapObject {
    return { metadata: { name: key, labels }, data: { release: encoded } };
  }

  protected releaseData(obj: ConfigMapObject): string {
    return obj.data?.release ?? '';
  }

  protected wrap(context: string, err: Error): Error {
    this.log(`${context}: ${err.message}`);
    return err;
  }
}

/**
 * The Secret driver, Helm 3's default (helm/helm pkg/storage/driver/secrets.go, v3.21; ST-4):
 * one Secret per revision named `sh.helm.release.v1.<name>.v<N>`, type `helm.sh/release.v1`,
 * labels per ST-7, `data.release` holding the encoded release.
 *
 * Base64 layering (ST-4): Helm's encoded release is already base64 text (codec.ts). A Secret's
 * `data` values are bytes, which the Kubernetes API carries base64-encoded, so on the wire and
 * in `kubectl get secret -o yaml` the value is base64(base64(gzip(json))). SecretsApi deals in
 * the bytes' text: `data.release` is Helm's base64 string itself, and an adapter over the real
 * API must base64-encode it once more when sending and decode one layer when receiving (as
 * client-go does for Go's `map[string][]byte`).
 */
import type { Labels } from './driver.js';
import type { ObjectApi, ObjectDriverOptions, ObjectMeta } from './object-driver.js';
import { ObjectDriver, wrapError } from './object-driver.js';

/** The Secret type Helm 3 gives its records: `<helm domain>/<object>.v<object version>`. */
export const RELEASE_SECRET_TYPE = 'helm.sh/release.v1';

/** A Secret as the driver sees it: `data` values are the decoded bytes' text (see above). */
export interface SecretObject {
  metadata: ObjectMeta;
  type?: string;
  data?: Record<string, string>;
}

/** The namespaced Secrets API the driver needs (corev1.SecretInterface's five calls). */
export type SecretsApi = ObjectApi<SecretObject>;

export class SecretsDriver extends ObjectDriver<SecretObject> {
  readonly name = 'Secret';

  constructor(api: SecretsApi, opts?: ObjectDriverOptions) {
    super(api, opts);
  }

  /** newSecretsObject. */
  protected newObject(key: string, encoded: string, labels: Labels): SecretObject {
    return {
      metadata: { name: key, labels },
      type: RELEASE_SECRET_TYPE,
      data: { release: encoded },
    };
  }

  protected releaseData(obj: SecretObject): string {
    return obj.data?.release ?? '';
  }

  protected wrap(context: string, err: Error): Error {
    return wrapError(context, err);
  }
}

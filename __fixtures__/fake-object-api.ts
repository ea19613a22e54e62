/**
 * In-memory Secrets and ConfigMaps APIs for the storage drivers (Helm's MockSecretsInterface /
 * MockConfigMapsInterface, helm/helm pkg/storage/driver/mock_test.go): real implementations
 * with NotFound/AlreadyExists, equality label selectors, and one injectable error per method
 * (Helm's FailingKubeClient style).
 */
import type { ConfigMapObject, ConfigMapsApi } from '../src/storage/configmaps.js';
import type { ObjectApi, ObjectMeta } from '../src/storage/object-driver.js';
import { ApiAlreadyExistsError, ApiNotFoundError } from '../src/storage/object-driver.js';
import type { SecretObject, SecretsApi } from '../src/storage/secrets.js';

export type ApiMethod = 'create' | 'get' | 'update' | 'delete' | 'list';

/** Parses an equality selector `k=v,k2=v2` (all Helm sends). */
export function parseSelector(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const term of selector.split(',').filter((t) => t !== '')) {
    const i = term.indexOf('=');
    if (i < 0) throw new Error(`unsupported selector term ${term}`);
    out[term.slice(0, i)] = term.slice(i + 1);
  }
  return out;
}

export class FakeObjectApi<T extends { metadata: ObjectMeta }> implements ObjectApi<T> {
  /** Stored objects by name, as the API server keeps them. */
  readonly objects = new Map<string, T>();
  /** An error to reject with, per method (cleared by assigning undefined). */
  readonly errors: Partial<Record<ApiMethod, Error>> = {};
  /** Calls in order, `method name`. */
  readonly calls: string[] = [];
  private version = 0;

  constructor(
    private readonly resource: string,
    private readonly namespace = 'default',
  ) {}

  private enter(method: ApiMethod, name: string): void {
    this.calls.push(`${method} ${name}`);
    const err = this.errors[method];
    if (err) throw err;
  }

  private stored(obj: T): T {
    const copy = structuredClone(obj);
    copy.metadata.namespace = this.namespace;
    copy.metadata.resourceVersion = String(++this.version);
    this.objects.set(copy.metadata.name, copy);
    return structuredClone(copy);
  }

  async create(obj: T): Promise<T> {
    this.enter('create', obj.metadata.name);
    if (this.objects.has(obj.metadata.name)) {
      throw new ApiAlreadyExistsError(this.resource, obj.metadata.name);
    }
    return this.stored(obj);
  }

  async get(name: string): Promise<T> {
    this.enter('get', name);
    const obj = this.objects.get(name);
    if (!obj) throw new ApiNotFoundError(this.resource, name);
    return structuredClone(obj);
  }

  async update(obj: T): Promise<T> {
    this.enter('update', obj.metadata.name);
    if (!this.objects.has(obj.metadata.name)) {
      throw new ApiNotFoundError(this.resource, obj.metadata.name);
    }
    return this.stored(obj);
  }

  async delete(name: string): Promise<void> {
    this.enter('delete', name);
    if (!this.objects.delete(name)) throw new ApiNotFoundError(this.resource, name);
  }

  async list(labelSelector: string): Promise<T[]> {
    this.enter('list', labelSelector);
    const want = Object.entries(parseSelector(labelSelector));
    return [...this.objects.values()]
      .filter((o) => want.every(([k, v]) => o.metadata.labels?.[k] === v))
      .map((o) => structuredClone(o));
  }
}

/** A fake namespaced Secrets API. */
export function fakeSecretsApi(namespace?: string): FakeObjectApi<SecretObject> & SecretsApi {
  return new FakeObjectApi<SecretObject>('secrets', namespace);
}

/** A fake namespaced ConfigMaps API. */
export function fakeConfigMapsApi(
  namespace?: string,
): FakeObjectApi<ConfigMapObject> & ConfigMapsApi {
  return new FakeObjectApi<ConfigMapObject>('configmaps', namespace);
}

/**
 * The wire form of a Secret's data (what `kubectl get secret -o yaml` shows): each value's
 * bytes base64-encoded, on top of Helm's own base64 (ST-4).
 */
export function secretWireData(obj: SecretObject): Record<string, string> {
  return Object.fromEntries(
    Object.entries(obj.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]),
  );
}

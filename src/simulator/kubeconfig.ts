/** A kubeconfig for the simulator: one cluster, one user with a static token, one context. */
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  server: string;
  namespace?: string;
  name?: string;
}

export function buildKubeconfig(opts: KubeconfigOptions): string {
  const name = opts.name ?? 'hookline-simulator';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: opts.server } }],
    users: [{ name, user: { token: 'hookline-simulator' } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: opts.namespace ?? 'default' } }],
    'current-context': name,
    preferences: {},
  });
}

/**
 * A kubeconfig for the simulator: one cluster, one user with a static token, one context.
 * The server speaks plain HTTP; @kubernetes/client-node 2.x refuses `http:` servers unless
 * `insecure-skip-tls-verify` is set, so it is.
 */
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
    clusters: [{ name, cluster: { server: opts.server, 'insecure-skip-tls-verify': true } }],
    users: [{ name, user: { token: 'hookline-simulator' } }],
    contexts: [
      { name, context: { cluster: name, user: name, namespace: opts.namespace ?? 'default' } },
    ],
    'current-context': name,
    preferences: {},
  });
}

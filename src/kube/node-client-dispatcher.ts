/**
 * One connection pool per client (issue 10: fewer round trips). @kubernetes/client-node 2.x
 * builds a new undici Agent for every request whose cluster has TLS settings
 * (KubeConfig.applySecurityAuthentication → createDispatcher), so each request paid a TCP
 * connect and a TLS handshake and left an idle socket behind; client-go (and so Helm) keeps one
 * connection. This keeps one dispatcher per TLS identity (cluster, user, CA, client certificate
 * and key, verification settings), so requests reuse keep-alive connections, and a rotated
 * exec-plugin certificate still gets its own pool.
 */
import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';

type CreateDispatcher = (cluster: unknown, agentOptions: Record<string, unknown>) => unknown;

function identity(cluster: unknown, o: Record<string, unknown>): string {
  const h = createHash('sha256');
  h.update(JSON.stringify((cluster as { name?: string } | null)?.name ?? ''));
  for (const k of ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername']) {
    const v = o[k];
    h.update(`\0${k}=`);
    if (v !== undefined) h.update(Buffer.isBuffer(v) ? v : String(v));
  }
  return h.digest('hex');
}

/** Make `kc` reuse one dispatcher per TLS identity (see the module comment). */
export function shareConnections(kc: KubeConfig): void {
  const target = kc as unknown as { createDispatcher?: CreateDispatcher };
  const create = target.createDispatcher;
  if (typeof create !== 'function') return;
  const pools = new Map<string, unknown>();
  target.createDispatcher = (cluster, agentOptions) => {
    const key = identity(cluster, agentOptions);
    if (!pools.has(key)) pools.set(key, create.call(kc, cluster, agentOptions));
    return pools.get(key);
  };
}

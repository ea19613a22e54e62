/**
 * The verbs' first step (Helm's `KubeClient.IsReachable`): `Kubernetes cluster unreachable:
 * <cause>` when the API server does not answer, naming why (`connect ECONNREFUSED
 * 127.0.0.1:6443`, `x509: certificate signed by unknown authority`, a request timeout, a 401).
 */
import type { KubeClient } from './client.js';

export const UNREACHABLE = 'Kubernetes cluster unreachable';

/** The message to fail with, or undefined when the cluster answers. */
export async function unreachableMessage(kube: KubeClient): Promise<string | undefined> {
  if (kube.unreachableCause) {
    const cause = await kube.unreachableCause();
    return cause ? `${UNREACHABLE}: ${cause.message}` : undefined;
  }
  return (await kube.isReachable()) ? undefined : UNREACHABLE;
}

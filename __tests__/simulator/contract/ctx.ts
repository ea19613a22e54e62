import type { Cluster } from '../harness.js';

/** Shared by the contract groups: the cluster and a namespace created for the run. */
export interface Ctx {
  readonly c: Cluster;
  readonly ns: string;
}

/**
 * The simulator's contract: behaviours of a real API server (with a kubelet) that hookline
 * relies on. Runs against the simulator, or against the cluster named by
 * HOOKLINE_TEST_KUBECONFIG; no assertion depends on a simulator-only detail.
 */
import { afterAll, beforeAll, describe, jest } from '@jest/globals';
import {
  connect,
  createNamespace,
  deleteNamespace,
  TEST_TIMEOUT_MS,
  type Cluster,
} from './harness.js';
import type { Ctx } from './contract/ctx.js';
import { crdCases } from './contract/crds.js';
import { discoveryCases } from './contract/discovery.js';
import { objectCases } from './contract/objects.js';
import { patchCases } from './contract/patch.js';
import { deleteCases } from './contract/delete.js';
import { watchCases } from './contract/watch.js';
import { errorCases } from './contract/errors.js';
import { podCases } from './contract/pods.js';
import { jobCases } from './contract/jobs.js';
import { workloadCases } from './contract/workloads.js';

jest.setTimeout(TEST_TIMEOUT_MS);

let cluster: Cluster;
let namespace: string;
const ctx: Ctx = {
  get c() {
    return cluster;
  },
  get ns() {
    return namespace;
  },
};

beforeAll(async () => {
  cluster = await connect();
  namespace = await createNamespace(cluster, 'contract');
});

afterAll(async () => {
  if (!cluster) return;
  if (namespace) await deleteNamespace(cluster, namespace);
  await cluster.close();
});

describe('simulator contract', () => {
  describe('discovery', () => discoveryCases(ctx));
  describe('objects', () => objectCases(ctx));
  describe('custom resources', () => crdCases(ctx));
  describe('patch', () => patchCases(ctx));
  describe('delete', () => deleteCases(ctx));
  describe('watch', () => watchCases(ctx));
  describe('errors', () => errorCases(ctx));
  describe('pods', () => podCases(ctx));
  describe('jobs', () => jobCases(ctx));
  describe('workloads', () => workloadCases(ctx));
});

/**
 * Defaulting the API server applies on write (pkg/apis/{core,batch,apps}/v1/defaults.go), limited to fields that
 * clients and readiness checks read: pod specs, Jobs, workloads, Services and Namespaces.
 */
import { randomInt } from 'node:crypto';
import type { ResourceType } from './discovery.js';
import { child, ensure, isObject, objects, str, type JsonObject } from './json.js';

export function defaultPodSpec(spec: JsonObject, restartPolicy = 'Always'): void {
  spec.restartPolicy ??= restartPolicy;
  spec.serviceAccountName ??= str(spec, 'serviceAccount') ?? 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const list of ['initContainers', 'containers']) {
    for (const c of objects(spec, list)) {
      const image = str(c, 'image') ?? '';
      const tag = image.includes('@') ? 'digest' : (/:([^/]+)$/.exec(image)?.[1] ?? 'latest');
      c.imagePullPolicy ??= tag === 'latest' ? 'Always' : 'IfNotPresent';
      c.terminationMessagePath ??= '/dev/termination-log';
      c.terminationMessagePolicy ??= 'File';
      c.resources ??= {};
      for (const port of objects(c, 'ports')) port.protocol ??= 'TCP';
    }
  }
}

function defaultTemplate(spec: JsonObject | undefined, restartPolicy: string): void {
  const template = child(spec, 'template');
  if (template) defaultPodSpec(ensure(template, 'spec'), restartPolicy);
}

function randomIp(prefix: string): string {
  return `${prefix}.${randomInt(0, 255)}.${randomInt(1, 255)}`;
}

export function applyDefaults(type: ResourceType, obj: JsonObject): void {
  const spec = child(obj, 'spec');
  switch (`${type.group}/${type.kind}`) {
    case '/Pod':
      if (spec) defaultPodSpec(spec);
      break;
    case 'batch/Job':
      if (spec) {
        spec.backoffLimit ??= 6;
        spec.completions ??= 1;
        spec.parallelism ??= 1;
        spec.completionMode ??= 'NonIndexed';
        spec.suspend ??= false;
        defaultTemplate(spec, 'Never');
      }
      break;
    case 'apps/Deployment':
      if (spec) {
        spec.replicas ??= 1;
        spec.revisionHistoryLimit ??= 10;
        spec.progressDeadlineSeconds ??= 600;
        spec.strategy ??= {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
        };
        defaultTemplate(spec, 'Always');
      }
      break;
    case 'apps/ReplicaSet':
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
      if (spec) {
        if (type.kind !== 'DaemonSet') spec.replicas ??= 1;
        defaultTemplate(spec, 'Always');
      }
      break;
    case '/Service':
      if (spec) defaultService(spec);
      break;
    case '/Namespace':
      ensure(obj, 'spec').finalizers ??= ['kubernetes'];
      break;
    case '/PersistentVolumeClaim':
      if (spec) {
        spec.volumeMode ??= 'Filesystem';
        // DefaultStorageClass admission: the cluster's default class when none is named.
        spec.storageClassName ??= 'standard';
      }
      break;
    case '/Secret':
      obj.type ??= 'Opaque';
      mergeStringData(obj);
      break;
  }
}

function defaultService(spec: JsonObject): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.type !== 'ExternalName') {
    spec.clusterIP ??= randomIp('10.96');
    spec.clusterIPs ??= [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  for (const p of objects(spec, 'ports')) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port ?? null;
  }
  if (isObject(spec.selector) && !Object.keys(spec.selector).length) delete spec.selector;
}

/** Job selector and pod template labels keyed by the Job's uid (pkg/registry/batch/job/strategy.go). */
export function defaultJobSelector(obj: JsonObject, uid: string): void {
  const spec = ensure(obj, 'spec');
  const name = str(child(obj, 'metadata'), 'name') ?? '';
  if (!spec.manualSelector)
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const labels = ensure(ensure(ensure(spec, 'template'), 'metadata'), 'labels');
  labels['batch.kubernetes.io/controller-uid'] = uid;
  labels['batch.kubernetes.io/job-name'] = name;
  labels['controller-uid'] = uid;
  labels['job-name'] = name;
}

/** `stringData` is write-only: merged into `data` as base64 (pkg/apis/core/v1/conversion.go). */
function mergeStringData(obj: JsonObject): void {
  const stringData = child(obj, 'stringData');
  if (!stringData) return;
  const data = ensure(obj, 'data');
  for (const [k, v] of Object.entries(stringData))
    data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  delete obj.stringData;
}

/**
 * Unknown-field handling (`fieldValidation=Strict|Warn|Ignore`, Warn being the server default):
 * built-in kinds decode into fixed structs, so unknown fields are dropped with a warning or, under
 * Strict, refused with `strict decoding error: unknown field "spec.foo"`. Known shapes are listed
 * for the top level, metadata, pod specs and containers; deeper or custom content is kept.
 */
import type { ResourceType } from './discovery.js';
import { badRequest } from './errors.js';
import { isObject, type JsonObject } from './json.js';

const META =
  'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields';
const SPEC_STATUS = 'spec status';
const TOP: Record<string, string> = {
  ConfigMap: 'data binaryData immutable',
  Secret: 'data stringData type immutable',
  Event:
    'involvedObject reason message source firstTimestamp lastTimestamp count type eventTime series action related reportingComponent reportingInstance',
  ServiceAccount: 'secrets imagePullSecrets automountServiceAccountToken',
  Role: 'rules',
  ClusterRole: 'rules aggregationRule',
  RoleBinding: 'subjects roleRef',
  ClusterRoleBinding: 'subjects roleRef',
  Endpoints: 'subsets',
  StorageClass:
    'provisioner parameters reclaimPolicy mountOptions allowVolumeExpansion volumeBindingMode allowedTopologies',
  PriorityClass: 'value globalDefault description preemptionPolicy',
  ControllerRevision: 'data revision',
  CSIDriver: 'spec',
};
const POD_SPEC =
  'volumes initContainers containers ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources';
const CONTAINER =
  'name image command args workingDir ports envFrom env resources resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty';

const set = (s: string): Set<string> => new Set(s.split(' '));
const META_SET = set(META);
const POD_SPEC_SET = set(POD_SPEC);
const CONTAINER_SET = set(CONTAINER);

function unknownIn(
  obj: JsonObject,
  allowed: Set<string>,
  prefix: string,
  drop: boolean,
  out: string[],
): void {
  for (const k of Object.keys(obj)) {
    if (allowed.has(k)) continue;
    out.push(`${prefix}${k}`);
    if (drop) delete obj[k];
  }
}

function podSpecUnknown(spec: unknown, prefix: string, drop: boolean, out: string[]): void {
  if (!isObject(spec)) return;
  unknownIn(spec, POD_SPEC_SET, prefix, drop, out);
  for (const list of ['initContainers', 'containers']) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      if (isObject(c)) unknownIn(c, CONTAINER_SET, `${prefix}${list}[${i}].`, drop, out);
    });
  }
}

function templateSpec(obj: JsonObject): unknown {
  const spec = obj.spec;
  return isObject(spec) && isObject(spec.template) ? spec.template.spec : undefined;
}

/** Unknown fields of `obj`; drops them unless `drop` is false. */
export function unknownFields(type: ResourceType, obj: JsonObject, drop: boolean): string[] {
  const out: string[] = [];
  if (type.custom) return out;
  const top = set(`apiVersion kind metadata ${TOP[type.kind] ?? SPEC_STATUS}`);
  unknownIn(obj, top, '', drop, out);
  if (isObject(obj.metadata)) unknownIn(obj.metadata, META_SET, 'metadata.', drop, out);
  if (type.kind === 'Pod' && type.group === '') podSpecUnknown(obj.spec, 'spec.', drop, out);
  if (['Job', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(type.kind)) {
    podSpecUnknown(templateSpec(obj), 'spec.template.spec.', drop, out);
  }
  return out;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Applies the fieldValidation directive; returns warnings for the response. */
export function checkFields(type: ResourceType, obj: JsonObject, mode: FieldValidation): string[] {
  const unknown = unknownFields(type, obj, mode !== 'Strict');
  if (!unknown.length || mode === 'Ignore') return [];
  if (mode === 'Strict')
    throw badRequest(
      `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  return unknown.map((f) => `unknown field "${f}"`);
}

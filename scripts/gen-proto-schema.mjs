#!/usr/bin/env node
/**
 * Generates src/simulator/proto-schema.generated.ts: the field numbers, JSON names and types of
 * the Kubernetes API messages the simulator decodes from protobuf request bodies (what kubectl's
 * typed `create` subcommands send), read from the `generated.proto` files of k8s.io/api and
 * k8s.io/apimachinery. Only the messages reachable from ROOTS are emitted.
 *
 *   node scripts/gen-proto-schema.mjs API_DIR APIMACHINERY_DIR [LABEL] && npx prettier --write src/simulator/proto-schema.generated.ts
 *
 * The committed table was generated from tag v0.32.9 of both repositories (the kubectl 1.32
 * here), e.g. `git archive v0.32.9 | tar -x --wildcards '*generated.proto'` in each mirror.
 *
 * Each directory's types.go (when present) says which scalar fields keep their zero value in
 * JSON (pointers, and tags without omitempty): protobuf carries every non-pointer scalar, while
 * the apiserver's JSON of the same Go struct omits zero values of `omitempty` fields.
 *
 * API_DIR / APIMACHINERY_DIR are checkouts of kubernetes/api and kubernetes/apimachinery
 * (or any directories holding their generated.proto files at the same relative paths).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [apiDir, machineryDir, label = ''] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error('usage: gen-proto-schema.mjs API_DIR APIMACHINERY_DIR');
  process.exit(2);
}

const API_FILES = [
  'core/v1',
  'apps/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'batch/v1',
  'batch/v1beta1',
  'rbac/v1',
  'networking/v1',
  'policy/v1',
  'policy/v1beta1',
  'scheduling/v1',
];
const MACHINERY_FILES = [
  'pkg/apis/meta/v1',
  'pkg/runtime',
  'pkg/runtime/schema',
  'pkg/util/intstr',
  'pkg/api/resource',
];

/**
 * The kinds decoded, as apiVersion/kind → proto package-relative message: what `kubectl create`,
 * `run`, `expose` and `autoscale` send, and the other workload kinds.
 */
const ROOTS = {
  'v1/ConfigMap': 'core/v1',
  'v1/Secret': 'core/v1',
  'v1/Namespace': 'core/v1',
  'v1/ServiceAccount': 'core/v1',
  'v1/Service': 'core/v1',
  'v1/ResourceQuota': 'core/v1',
  'v1/Pod': 'core/v1',
  'apps/v1/Deployment': 'apps/v1',
  'apps/v1/StatefulSet': 'apps/v1',
  'apps/v1/DaemonSet': 'apps/v1',
  'apps/v1/ReplicaSet': 'apps/v1',
  'v1/PersistentVolumeClaim': 'core/v1',
  'v1/ReplicationController': 'core/v1',
  'autoscaling/v1/HorizontalPodAutoscaler': 'autoscaling/v1',
  'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling/v2',
  'batch/v1/Job': 'batch/v1',
  'batch/v1/CronJob': 'batch/v1',
  'batch/v1beta1/CronJob': 'batch/v1beta1',
  'rbac.authorization.k8s.io/v1/Role': 'rbac/v1',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'rbac/v1',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'rbac/v1',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'rbac/v1',
  'networking.k8s.io/v1/Ingress': 'networking/v1',
  'policy/v1/PodDisruptionBudget': 'policy/v1',
  'policy/v1beta1/PodDisruptionBudget': 'policy/v1beta1',
  'scheduling.k8s.io/v1/PriorityClass': 'scheduling/v1',
};

const SCALARS = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'double', 'float']);

/** @type {Map<string, Array<[number, string, string, number]>>} message → [num, name, type, repeated] */
const messages = new Map();
/** `message.field` of scalars whose zero value is dropped in JSON (non-pointer, omitempty). */
const omitZero = new Set();
/** Messages whose Go struct was read from types.go. */
const goStructs = new Set();

function parseGo(dir, rel, pkg) {
  const file = join(dir, rel, 'types.go');
  if (!existsSync(file)) return;
  let struct;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    let m;
    if ((m = /^type\s+(\w+)\s+struct\s*\{/.exec(line))) {
      struct = `${pkg}.${m[1]}`;
      goStructs.add(struct);
    } else if (line.startsWith('}')) struct = undefined;
    else if (
      struct &&
      (m = /^\s+\w+\s+(\S+)\s+`json:"([^"]*)".*protobuf:"[^"]*name=(\w+)/.exec(line))
    ) {
      const pointer = m[1].startsWith('*');
      if (!pointer && m[2].split(',').includes('omitempty')) omitZero.add(`${struct}.${m[3]}`);
    }
  }
}
/** proto package of each file directory */
const packages = new Map();

function parse(dir, rel) {
  const src = readFileSync(join(dir, rel, 'generated.proto'), 'utf8');
  const pkg = /^package\s+([\w.]+);/m.exec(src)[1];
  packages.set(rel, pkg);
  parseGo(dir, rel, pkg);
  const resolveType = (t) => {
    if (SCALARS.has(t)) return t;
    if (t.startsWith('.')) return t.slice(1);
    return t.includes('.') ? t : `${pkg}.${t}`;
  };
  let current;
  for (const raw of src.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    let m;
    if ((m = /^message\s+(\w+)\s*\{/.exec(line))) {
      if (current) throw new Error(`nested message ${m[1]} in ${rel}`);
      current = [];
      messages.set(`${pkg}.${m[1]}`, current);
      if (line.endsWith('}')) current = undefined;
    } else if (line === '}') current = undefined;
    else if ((m = /^(optional|repeated)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)/.exec(line)) && current)
      current.push([Number(m[4]), m[3], resolveType(m[2]), m[1] === 'repeated' ? 1 : 0]);
    else if ((m = /^map<\s*string\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)/.exec(line)) && current)
      current.push([Number(m[3]), m[2], `map:${resolveType(m[1])}`, 0]);
    else if (current) throw new Error(`unparsed line in ${rel}: ${line}`);
  }
}

for (const f of API_FILES) parse(resolve(apiDir), f);
for (const f of MACHINERY_FILES) parse(resolve(machineryDir), f);

const roots = {};
for (const [key, rel] of Object.entries(ROOTS)) {
  const kind = key.slice(key.lastIndexOf('/') + 1);
  const name = `${packages.get(rel)}.${kind}`;
  if (!messages.has(name)) throw new Error(`no message ${name}`);
  roots[key] = name;
}
const reachable = new Set(['k8s.io.apimachinery.pkg.runtime.Unknown']);
const queue = [...reachable, ...Object.values(roots)];
while (queue.length) {
  const name = queue.pop();
  reachable.add(name);
  const fields = messages.get(name);
  if (!fields) throw new Error(`unknown message ${name}`);
  for (const [, , type] of fields) {
    const t = type.startsWith('map:') ? type.slice(4) : type;
    if (!SCALARS.has(t) && !reachable.has(t)) queue.push(t);
  }
}

const out = [];
out.push('// Generated by scripts/gen-proto-schema.mjs from k8s.io/api and k8s.io/apimachinery');
out.push(`// generated.proto files${label ? ` (${label})` : ''}. Do not edit by hand.`);
out.push('');
out.push('/**');
out.push(
  ' * A field: [JSON name, type (scalar, message name, or `map:` value type), repeated (1),',
);
out.push(
  ' * zero value omitted in JSON (1: a non-pointer omitempty scalar of a known Go struct)].',
);
out.push(' */');
out.push('export type ProtoField = readonly [string, string, 0 | 1, 0 | 1];');
out.push('');
out.push('/** Messages by full proto name, their fields by number. */');
out.push('export const MESSAGES: Record<string, Record<number, ProtoField>> = {');
for (const name of [...reachable].sort()) {
  out.push(`  '${name}': {`);
  for (const [num, field, type, rep] of messages.get(name))
    out.push(
      `    ${num}: ['${field}', '${type}', ${rep}, ${SCALARS.has(type) && goStructs.has(name) && omitZero.has(`${name}.${field}`) ? 1 : 0}],`,
    );
  out.push('  },');
}
out.push('};');
out.push('');
out.push('/** The message of each decoded `apiVersion/kind`. */');
out.push('export const ROOTS: Record<string, string> = {');
for (const [k, v] of Object.entries(roots)) out.push(`  '${k}': '${v}',`);
out.push('};');
out.push('');
const target = resolve(import.meta.dirname, '..', 'src', 'simulator', 'proto-schema.generated.ts');
writeFileSync(target, out.join('\n'));
console.log(`${target}: ${reachable.size} messages`);

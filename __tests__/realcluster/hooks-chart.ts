/**
 * A chart made to show hook order on a real server (ORD-5, HK-9): pre/post-upgrade and
 * pre/post-rollback hooks with equal and different weights (equal weights run by name), some
 * Jobs and some ConfigMaps, every delete policy, and one Job hook that fails when the value
 * `failHook` is set (post-upgrade, so the upgrade records `failed`). The ConfigMaps end with a
 * block scalar, whose final line break Helm's Build keeps.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function configMapHook(name: string, events: string, weight: number, policy?: string): string {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: {{ .Release.Name }}-${name}`,
    '  annotations:',
    `    "helm.sh/hook": ${events}`,
    `    "helm.sh/hook-weight": "${weight}"`,
    ...(policy ? [`    "helm.sh/hook-delete-policy": ${policy}`] : []),
    'data:',
    '  revision: "{{ .Release.Revision }}"',
    // A block scalar ends the document: Build (YAMLReader) gives its last line a line break,
    // though the hook's stored manifest is trimmed.
    '  note: |',
    '    written by {{ .Release.Name }}',
    '',
  ].join('\n');
}

function jobHook(
  name: string,
  events: string,
  weight: number,
  script: string,
  policy?: string,
): string {
  return [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: {{ .Release.Name }}-${name}`,
    '  annotations:',
    `    "helm.sh/hook": ${events}`,
    `    "helm.sh/hook-weight": "${weight}"`,
    ...(policy ? [`    "helm.sh/hook-delete-policy": ${policy}`] : []),
    'spec:',
    '  backoffLimit: 0',
    '  template:',
    '    spec:',
    '      restartPolicy: Never',
    '      containers:',
    '        - name: main',
    '          image: busybox:1.36',
    `          command: ["sh", "-c", ${JSON.stringify(script)}]`,
    '',
  ].join('\n');
}

const TEMPLATES: Record<string, string> = {
  'configmap.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-app',
    'data:',
    '  value: {{ .Values.value | quote }}',
    '',
  ].join('\n'),
  'pre-upgrade-b.yaml': configMapHook('pre-upgrade-b', 'pre-upgrade', 0),
  'pre-upgrade-a.yaml': configMapHook('pre-upgrade-a', 'pre-upgrade', 0, 'hook-succeeded'),
  'pre-upgrade-first.yaml': jobHook('pre-upgrade-first', 'pre-upgrade', -5, 'echo first; sleep 1'),
  'pre-upgrade-last.yaml': configMapHook(
    'pre-upgrade-last',
    'pre-upgrade',
    10,
    'before-hook-creation',
  ),
  'post-upgrade.yaml': jobHook(
    'post-upgrade',
    'post-upgrade',
    1,
    'echo post; sleep 1',
    'hook-succeeded',
  ),
  'post-upgrade-fail.yaml': [
    '{{- if .Values.failHook }}',
    jobHook('post-upgrade-fail', 'post-upgrade', 5, 'echo failing; exit 3', 'hook-failed'),
    '{{- end }}',
    '',
  ].join('\n'),
  'rollback-z.yaml': configMapHook('rollback-z', 'pre-rollback', 2),
  'rollback-y.yaml': configMapHook('rollback-y', 'pre-rollback', 2, 'hook-succeeded'),
  'rollback-x.yaml': jobHook('rollback-x', 'pre-rollback,post-rollback', -1, 'echo rb; sleep 1'),
  'post-rollback.yaml': configMapHook('post-rollback', 'post-rollback', 0),
};

/** Writes the chart to a new temporary directory and returns it. */
export function writeHooksChart(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-diff-hooks-'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: hook-order\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), 'value: one\nfailHook: false\n');
  mkdirSync(join(dir, 'templates'));
  for (const [name, text] of Object.entries(TEMPLATES))
    writeFileSync(join(dir, 'templates', name), text);
  return dir;
}

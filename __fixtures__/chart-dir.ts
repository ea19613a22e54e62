/** Small charts on disk for CLI tests: write the files, run the test, remove the directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `files` (path → text) into a fresh directory and passes it to `use`. */
export async function withChartDir<T>(
  files: Record<string, string>,
  use: (dir: string) => T | Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-chart-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A chart whose pre-install Job runs `script` under `sh -c` (backoffLimit 0). */
export function hookJobChart(script: string): Record<string, string> {
  return {
    'Chart.yaml': 'apiVersion: v2\nname: failing\nversion: 0.1.0\n',
    'templates/job.yaml': [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: {{ .Release.Name }}-migrate',
      '  annotations:',
      '    "helm.sh/hook": pre-install',
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
    ].join('\n'),
  };
}

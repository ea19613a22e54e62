// The CLI entry point as users run it: a child process through src/cli.ts, which renders on a
// worker thread with a large stack so Helm's recursion limits are reached (section 7.3).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { withChartDir } from '../../__fixtures__/chart-dir.js';

const root = resolve(import.meta.dirname, '..', '..');

function hookline(...args: string[]) {
  return spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'src', 'cli.ts'), ...args],
    {
      encoding: 'utf8',
      cwd: root,
    },
  );
}

describe('hookline bin', () => {
  it("stops self-including templates at Helm's 1,000 nested includes", () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
        'templates/a.yaml': '{{define "r"}}{{include "r" .}}{{end}}{{include "r" .}}\n',
      },
      (dir) => {
        const r = hookline('template', 'x', dir);
        expect(r.status).toBe(1);
        const firstLine = r.stderr.split('\n')[0]!;
        expect(
          firstLine.startsWith(
            'Error: template: deep/templates/a.yaml:1:40: executing "deep/templates/a.yaml" at <include "r" .>',
          ),
        ).toBe(true);
        expect(
          firstLine.endsWith(
            'error calling include: rendering template has a nested reference name: r: unable to execute template',
          ),
        ).toBe(true);
        expect(firstLine.split('error calling include').length - 1).toBe(1002);
      },
    ));

  it('prints the rendered example chart and exits 0', () => {
    const r = hookline('template', 'my-app', 'examples/database-app');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Source: database-app/templates/deployment.yaml');
  });
});

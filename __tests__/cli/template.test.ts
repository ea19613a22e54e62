// `hookline template` as `helm template` behaves (cmd/helm/template.go; MP-6, MP-7).
import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { withChartDir } from '../../__fixtures__/chart-dir.js';

const root = resolve(import.meta.dirname, '..', '..');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: root,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    log: () => undefined,
  });
  return { code, stdout, stderr };
}

const sources = (out: string) => [...out.matchAll(/^# Source: (.*)$/gm)].map((m) => m[1]);

describe('hookline template', () => {
  it('writes document by document, waiting for stdout to drain, with the joined bytes (issue 9)', async () => {
    const whole = await run('template', 'my-app', 'examples/database-app');
    const writes: string[] = [];
    let drains = 0;
    const code = await runCli(['template', 'my-app', 'examples/database-app'], {
      cwd: root,
      stdout: (s) => writes.push(s),
      drain: async () => {
        drains++;
      },
      stderr: () => undefined,
      log: () => undefined,
    });
    expect(code).toBe(0);
    expect(writes.join('')).toBe(whole.stdout);
    // One write per document (3 manifests, then the hooks), each followed by a drain wait.
    expect(writes.length).toBe(sources(whole.stdout).length);
    expect(drains).toBe(writes.length - 1);
  });

  it('renders manifests in install order, then hooks (MP-6)', async () => {
    const r = await run('template', 'my-app', 'examples/database-app');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('---\n# Source: database-app/templates/configmap.yaml\n')).toBe(
      true,
    );
    expect(sources(r.stdout).slice(0, 3)).toEqual([
      'database-app/templates/configmap.yaml',
      'database-app/templates/service.yaml',
      'database-app/templates/deployment.yaml',
    ]);
    // Hooks follow, stable-sorted by kind: ServiceAccount, Role, RoleBinding, Pod, Jobs.
    expect(sources(r.stdout).slice(3, 6)).toEqual([
      'database-app/templates/hooks/cleanup-serviceaccount.yaml',
      'database-app/templates/hooks/cleanup-serviceaccount.yaml',
      'database-app/templates/hooks/cleanup-serviceaccount.yaml',
    ]);
    expect(r.stdout).toContain('name: "my-app-db-init"');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.endsWith('\n\n')).toBe(false);
  });

  it('applies --set over values.yaml', async () => {
    const r = await run('template', 'my-app', 'examples/database-app', '--set', 'image.tag=1.22.0');
    expect(r.stdout).toContain('image: "nginx:1.22.0"');
  });

  it('--no-hooks and --skip-tests drop hooks', async () => {
    const noHooks = await run('template', 'a', 'examples/database-app', '--no-hooks');
    expect(noHooks.stdout).not.toContain('helm.sh/hook');
    const skipTests = await run('template', 'a', 'examples/database-app', '--skip-tests');
    expect(skipTests.stdout).not.toContain('test-connection');
    expect(skipTests.stdout).toContain('a-db-init');
  });

  it('--show-only selects documents by path glob, and fails for a missing one', async () => {
    const r = await run('template', 'a', 'examples/database-app', '-s', 'templates/hooks/pre-*');
    expect(sources(r.stdout)).toEqual([
      'database-app/templates/hooks/pre-delete-backup.yaml',
      'database-app/templates/hooks/pre-install-db-init.yaml',
    ]);
    const missing = await run(
      'template',
      'a',
      'examples/database-app',
      '-s',
      'templates/nope.yaml',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error: could not find template templates/nope.yaml in chart\n');
  });

  it('uses release-name without a NAME, and --name-template renders with sprig', async () => {
    expect((await run('template', 'examples/database-app')).stdout).toContain(
      'release-name-database-app',
    );
    const named = await run(
      'template',
      'examples/database-app',
      '--name-template',
      'x-{{ "AB" | lower }}',
    );
    expect(named.stdout).toContain('x-ab-database-app');
  });

  it('rejects an invalid release name (CMD-NAME)', async () => {
    const r = await run('template', 'Bad_Name', 'examples/database-app');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^Error: release name "Bad_Name": invalid release name, must match regex/,
    );
  });

  it('reports a missing chart without a stack trace', async () => {
    const r = await run('template', 'a', 'examples/nope');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^Error: .*examples\/nope/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad --kube-version fails before loading anything', async () => {
    const r = await run('template', 'a', 'examples/nope', '--kube-version', 'banana');
    expect(r.stderr).toMatch(/^Error: invalid kube version 'banana'/);
  });

  it('--output-dir writes one file per template (MP-7)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-out-'));
    try {
      const r = await run(
        'template',
        'a',
        'examples/database-app',
        '--output-dir',
        dir,
        '--release-name',
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`wrote ${dir}/a/database-app/templates/service.yaml\n`);
      const files = readdirSync(join(dir, 'a', 'database-app', 'templates')).sort();
      expect(files).toEqual([
        'configmap.yaml',
        'deployment.yaml',
        'hooks',
        'service.yaml',
        'tests',
      ]);
      const svc = readFileSync(join(dir, 'a', 'database-app', 'templates', 'service.yaml'), 'utf8');
      expect(
        svc.startsWith(
          '---\n# Source: database-app/templates/service.yaml\napiVersion: v1\nkind: Service',
        ),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unknown flags are usage errors', async () => {
    const r = await run('template', 'a', 'examples/database-app', '--frobnicate');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error: unknown flag: --frobnicate\n' });
  });
});

describe('hookline template warnings', () => {
  it('warns about a document dropped for an unknown hook event (HK-3)', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
        'templates/crd.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook: crd-install\n',
      },
      async (dir) => {
        let log = '';
        let stdout = '';
        const code = await runCli(['template', 'a', dir], {
          cwd: root,
          stdout: (s) => (stdout += s),
          stderr: () => undefined,
          log: (s) => (log += s),
        });
        expect(code).toBe(0);
        // Helm prints the (empty) manifest followed by a newline.
        expect(stdout).toBe('\n');
        expect(log).toBe(
          'warning: c/templates/crd.yaml: unknown hook "crd-install": the document is skipped (neither rendered nor applied)\n',
        );
      },
    ));
  it("renders in the kubeconfig context's namespace unless --namespace is given, as Helm does", () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
        'templates/ns.yaml': 'ns: {{ .Release.Namespace }}\n',
        kubeconfig: [
          'apiVersion: v1',
          'kind: Config',
          'contexts:',
          '- {name: a, context: {cluster: c, user: u, namespace: from-context}}',
          '- {name: b, context: {cluster: c, user: u}}',
          'current-context: a',
          '',
        ].join('\n'),
        broken: 'contexts: [',
      },
      async (dir) => {
        const ns = async (argv: string[], env: Record<string, string>) => {
          let stdout = '';
          const code = await runCli(['template', 'x', dir, ...argv], {
            cwd: root,
            stdout: (s) => (stdout += s),
            stderr: () => undefined,
            log: () => undefined,
            env,
          });
          expect(code).toBe(0);
          return /^ns: (.*)$/m.exec(stdout)?.[1];
        };
        const kubeconfig = { KUBECONFIG: join(dir, 'kubeconfig') };
        // Checked against Helm 3.15.4 (helm template with the same kubeconfig).
        expect(await ns([], kubeconfig)).toBe('from-context');
        expect(await ns(['--kube-context', 'b'], kubeconfig)).toBe('default');
        expect(await ns(['-n', 'given'], kubeconfig)).toBe('given');
        expect(await ns(['--kubeconfig', join(dir, 'kubeconfig')], {})).toBe('from-context');
        expect(await ns([], { KUBECONFIG: join(dir, 'broken') })).toBe('default');
        expect(await ns([], { KUBECONFIG: join(dir, 'absent') })).toBe('default');
      },
    ));
  it('post-renders the manifest, not the hooks, and keeps the output trimmed (--post-renderer)', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
        'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
        'templates/hook.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook\n  annotations:\n    helm.sh/hook: pre-install\n',
        // A leading blank line, the manifest upper-cased, the arguments.
        'post.sh': '#!/bin/sh\necho\ntr a-z A-Z\necho "# $1 $2"\n',
      },
      async (dir) => {
        chmodSync(join(dir, 'post.sh'), 0o755);
        const r = await run(
          'template',
          'x',
          dir,
          '--post-renderer',
          join(dir, 'post.sh'),
          '--post-renderer-args',
          'one',
          '--post-renderer-args',
          'two',
        );
        expect(r.code).toBe(0);
        // Checked against Helm 3.15.4 with the same script.
        expect(r.stdout).toBe(
          '---\n# SOURCE: C/TEMPLATES/CM.YAML\nAPIVERSION: V1\nKIND: CONFIGMAP\nMETADATA:\n  NAME: CM\n# one two\n' +
            '---\n# Source: c/templates/hook.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook\n  annotations:\n    helm.sh/hook: pre-install\n',
        );
        const missing = await run('template', 'x', dir, '--post-renderer', './nope.sh');
        expect(missing.code).toBe(1);
        expect(missing.stderr).toBe(
          'Error: invalid argument "./nope.sh" for "--post-renderer" flag: unable to find binary at ./nope.sh: exec: "./nope.sh": stat ./nope.sh: no such file or directory\n',
        );
      },
    ));
});

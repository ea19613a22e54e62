/**
 * `--post-renderer` executables as helm/helm pkg/postrender/exec.go runs them (v3.15): found as
 * exec.LookPath finds them, the manifest on stdin, the output kept, a failure with its stderr
 * and exit status (the texts were checked against Helm 3.15.4's `template`); an empty output is
 * refused as Helm 4 refuses it.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execPostRenderer, PostRendererNotFoundError } from '../../src/runtime/post-renderer.js';

const dir = mkdtempSync(join(tmpdir(), 'hookline-postrender-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string, mode = 0o755): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
}

const opts = { env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin` }, cwd: dir };
mkdirSync(join(dir, 'bin'));

describe('execPostRenderer', () => {
  it('passes the manifest on stdin and the arguments, and keeps the output', () => {
    script('upper.sh', 'tr a-z A-Z; echo "args: $1 $2"');
    const run = execPostRenderer('./upper.sh', ['one', 'two'], opts);
    expect(run('kind: ConfigMap\n')).toBe('KIND: CONFIGMAP\nargs: one two\n');
  });

  it('finds a bare name on PATH, and fails as exec.LookPath does when it is not there', () => {
    script('bin/on-path', 'cat');
    expect(execPostRenderer('on-path', [], opts)('x\n')).toBe('x\n');
    expect(() => execPostRenderer('nowhere', [], opts)).toThrow(
      new PostRendererNotFoundError('nowhere', 'executable file not found in $PATH'),
    );
    expect(() => execPostRenderer('nowhere', [], opts)).toThrow(
      'unable to find binary at nowhere: exec: "nowhere": executable file not found in $PATH',
    );
  });

  it('refuses a path that is missing, a directory, or not executable', () => {
    expect(() => execPostRenderer('./missing.sh', [], opts)).toThrow(
      'unable to find binary at ./missing.sh: exec: "./missing.sh": stat ./missing.sh: no such file or directory',
    );
    expect(() => execPostRenderer('./bin', [], opts)).toThrow(
      'unable to find binary at ./bin: exec: "./bin": is a directory',
    );
    script('plain.sh', 'cat', 0o644);
    // root may read anything, but a file without any x bit is still not executable.
    expect(() => execPostRenderer('./plain.sh', [], opts)).toThrow(
      'unable to find binary at ./plain.sh: exec: "./plain.sh": permission denied',
    );
  });

  it('fails with the command, its stderr and exit status', () => {
    const failing = script('fail.sh', 'cat >/dev/null; echo "kustomize: broken" >&2; exit 3');
    expect(() => execPostRenderer('./fail.sh', [], opts)('a: 1\n')).toThrow(
      `error while running command ${failing}. error output:\nkustomize: broken\n: exit status 3`,
    );
  });

  it('refuses an output of only whitespace (Helm 4)', () => {
    const empty = script('empty.sh', "cat >/dev/null; printf ' \\n'");
    expect(() => execPostRenderer('./empty.sh', [], opts)('a: 1\n')).toThrow(
      `post-renderer "${empty}" produced empty output`,
    );
  });
});

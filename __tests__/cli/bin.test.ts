// The CLI entry point as users run it: a child process through src/cli.ts, which renders on a
// worker thread with a large stack so Helm's recursion limits are reached (section 7.3).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
  it("stops self-including templates at Helm's 1,000 nested includes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-deep-'));
    try {
      mkdirSync(join(dir, 'templates'));
      writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: deep\nversion: 0.1.0\n');
      writeFileSync(
        join(dir, 'templates', 'a.yaml'),
        '{{define "r"}}{{include "r" .}}{{end}}{{include "r" .}}\n',
      );
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
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Go writes a string's bytes as they are: `trunc 4 "日本"` leaves the first byte of 本 alone
  // (held as U+DCE6, see src/util/go-bytes.ts), and the stream gets that byte, not the UTF-8 of
  // U+DCE6. (In a manifest such a byte fails Helm's YAML parse; in a `fail` message it is printed.)
  it('writes raw bytes of cut runes unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-bytes-'));
    try {
      mkdirSync(join(dir, 'templates'));
      writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: bytes\nversion: 0.1.0\n');
      writeFileSync(
        join(dir, 'templates', 'a.yaml'),
        '{{ fail (printf "%s|%q" (trunc 4 "日本") (trunc 4 "日本")) }}\n',
      );
      const r = spawnSync(
        join(root, 'node_modules', '.bin', 'tsx'),
        [join(root, 'src', 'cli.ts'), 'template', 'x', dir],
        { cwd: root },
      );
      expect(r.status).toBe(1);
      const want = Buffer.concat([
        Buffer.from('): 日'),
        Buffer.from([0xe6]),
        Buffer.from('|"日\\xe6"\n'),
      ]);
      const firstLine = (r.stderr as Buffer).subarray(0, (r.stderr as Buffer).indexOf(0x0a) + 1);
      expect(firstLine.subarray(-want.length).toString('hex')).toBe(want.toString('hex'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the rendered example chart and exits 0', () => {
    const r = hookline('template', 'my-app', 'examples/database-app');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Source: database-app/templates/deployment.yaml');
  });
});

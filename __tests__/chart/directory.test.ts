// Chart directories: helm pkg/chart/loader/directory.go LoadDir (v3.21) in a temp dir:
// .helmignore (files and whole directories), BOM stripping, irregular files, symlinks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadDir, loadDirFiles, DirectoryLoadError } from '../../src/chart/directory.js';

let root: string;

function write(rel: string, text: string): void {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hookline-chart-'));
  write('outside/secret.txt', 'secret');
  write('chart/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 1.0.0\n');
  write('chart/.helmignore', '*.bak\nignored/\n');
  write('chart/templates/a.yaml', '\ufeffkind: A\n');
  write('chart/templates/.hidden.yaml', 'x');
  write('chart/notes.bak', 'x');
  write('chart/ignored/file.txt', 'x');
  write('chart/files/b.txt', 'b');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('loadDirFiles', () => {
  it('walks in lexical order, honouring .helmignore and the templates/.?* default', () => {
    const files = loadDirFiles(path.join(root, 'chart'));
    expect(files.map((f) => f.name)).toEqual([
      '.helmignore',
      'Chart.yaml',
      'files/b.txt',
      'templates/a.yaml',
    ]);
    expect(new TextDecoder().decode(files[3]?.data)).toBe('kind: A\n');
  });

  it('follows symlinks that stay inside the chart', () => {
    const link = path.join(root, 'chart', 'files', 'inner-link.txt');
    symlinkSync(path.join(root, 'chart', 'files', 'b.txt'), link);
    try {
      const names = loadDirFiles(path.join(root, 'chart')).map((f) => f.name);
      expect(names).toContain('files/inner-link.txt');
    } finally {
      rmSync(link);
    }
  });

  it.each([
    ['a file', path.join('outside', 'secret.txt')],
    ['a directory', 'outside'],
  ])('refuses a symlink to %s outside the chart', (_what, target) => {
    const link = path.join(root, 'chart', 'files', 'escape');
    symlinkSync(path.join(root, target), link);
    try {
      expect(() => loadDirFiles(path.join(root, 'chart'))).toThrow(DirectoryLoadError);
      expect(() => loadDirFiles(path.join(root, 'chart'))).toThrow(
        /symlink files\/escape resolves to .*outside the chart directory/,
      );
    } finally {
      rmSync(link);
    }
  });

  it('enforces the per-file size limit with the basename in the message', () => {
    expect(() => loadDirFiles(path.join(root, 'chart'), 5)).toThrow(
      'chart file ".helmignore" is larger than the maximum file size 5',
    );
  });

  it('loads the chart', () => {
    const c = loadDir(path.join(root, 'chart'));
    expect(c.templates.map((t) => t.name)).toEqual(['templates/a.yaml']);
    expect(c.files.map((f) => f.name)).toEqual(['.helmignore', 'files/b.txt']);
  });
});

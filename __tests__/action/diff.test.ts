/**
 * The line diff (LCS) and the unified-diff text of the dry-run plan (GNU diff -u format: hunk
 * headers `@@ -l,n +l,n @@`, 3 lines of context), and the per-object manifest changes.
 */
import { describe, expect, it } from '@jest/globals';
import { manifestChanges, manifestObjects } from '../../src/action/changes.js';
import { diffLines, unifiedDiff } from '../../src/action/diff.js';

const names = { from: 'a/x', to: 'b/x' };

describe('diffLines', () => {
  it.each([
    [[], [], ''],
    [['a'], ['a'], ' a'],
    [['a', 'b', 'c'], ['a', 'c'], ' a -b  c'],
    [['a', 'c'], ['a', 'b', 'c'], ' a +b  c'],
    [['a'], ['b'], '-a +b'],
  ])('%j → %j', (a, b, want) => {
    expect(
      diffLines(a, b)
        .map((o) => `${o.tag}${o.line}`)
        .join(' '),
    ).toBe(want);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => expect(unifiedDiff('a\nb\n', 'a\nb\n', names)).toBe(''));

  it('prints one hunk with 3 lines of context', () => {
    const from = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n');
    const to = ['1', '2', '3', '4', 'five', '6', '7', '8'].join('\n');
    expect(unifiedDiff(from, to, names)).toBe(
      [
        '--- a/x',
        '+++ b/x',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    );
  });

  it('splits distant changes into hunks and handles pure additions', () => {
    const from = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const to = [...from];
    to[1] = 'L1';
    to[18] = 'L18';
    const out = unifiedDiff(from.join('\n'), to.join('\n'), names);
    expect(out.match(/^@@.*$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -16,5 +16,5 @@']);
    expect(unifiedDiff('', 'a\n', names)).toBe('--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+a\n');
  });
});

const doc = (kind: string, name: string, body = '', ns = '') =>
  `---\n# Source: c/templates/${name}.yaml\napiVersion: ${kind === 'Deployment' ? 'apps/v1' : 'v1'}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}${body}`;

describe('manifestChanges', () => {
  it('derives created, updated (with a diff) and deleted objects', () => {
    const before = [
      doc('ConfigMap', 'cfg', 'data:\n  a: "1"\n'),
      doc('Service', 'old'),
      doc('Deployment', 'web', 'spec:\n  replicas: 1\n'),
    ].join('');
    const after = [
      doc('ConfigMap', 'cfg', 'data:\n  a: "1"\n'),
      doc('Deployment', 'web', 'spec:\n  replicas: 2\n'),
      doc('Secret', 's', '', 'other'),
    ].join('');
    const changes = manifestChanges(before, after);
    expect(changes.map((c) => `${c.action} ${c.object}`)).toEqual([
      'updated Deployment/web',
      'created other/Secret/s',
      'deleted Service/old',
    ]);
    expect(changes[0]!.diff).toContain('-  replicas: 1\n+  replicas: 2\n');
  });

  it('keys objects by group, kind, namespace and name; skips empty documents', () => {
    expect(
      manifestObjects('---\n# only a comment\n' + doc('ConfigMap', 'a')).map((d) => d.key),
    ).toEqual(['|ConfigMap||a']);
    expect(manifestChanges('', '')).toEqual([]);
  });
});

describe('diffLines bound (jsdiff Myers, issue 10)', () => {
  it('a 16,000-line document with two changed lines gives two small hunks', () => {
    const from = Array.from({ length: 16000 }, (_, i) => `line ${i}`);
    const to = [...from];
    to[100] = 'changed 100';
    to[15000] = 'changed 15000';
    const out = unifiedDiff(from.join('\n'), to.join('\n'), names);
    expect(out.match(/^@@.*$/gm)).toEqual(['@@ -98,7 +98,7 @@', '@@ -14998,7 +14998,7 @@']);
  });

  it('past maxEditLength the document is reported as replaced (no quadratic search)', () => {
    const ops = diffLines(['a', 'b', 'c'], ['x', 'b', 'y'], 1);
    expect(ops.map((o) => `${o.tag}${o.line}`).join(' ')).toBe('-a -b -c +x +b +y');
    expect(
      diffLines(['a', 'b', 'c'], ['x', 'b', 'y'])
        .map((o) => `${o.tag}${o.line}`)
        .join(' '),
    ).toBe('-a +x  b -c +y');
  });
});

describe('Secret redaction in plan diffs (as helm diff does)', () => {
  const secret = (data: string) =>
    `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n${data}`;
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('marks changed keys -/+ with sizes, unchanged ones REDACTED, and never prints a value', () => {
    const before = secret(`data:\n  password: ${b64('hunter2-old')}\n  user: ${b64('admin')}\n`);
    const after = secret(
      `data:\n  user: ${b64('admin')}\nstringData:\n  password: s3cr3t-new-value\n  token: tok-abcdef\n`,
    );
    const [change] = manifestChanges(before, after);
    expect(change!.action).toBe('updated');
    const diff = change!.diff!;
    expect(diff).toMatch(/^-\s+password: "-------- # \(11 bytes\)"$/m);
    expect(diff).toMatch(/^\+\s+password: "\+\+\+\+\+\+\+\+ # \(16 bytes\)"$/m);
    expect(diff).toMatch(/^\+\s+token: "\+\+\+\+\+\+\+\+ # \(10 bytes\)"$/m);
    expect(diff).toMatch(/^ \s+user: "REDACTED # \(5 bytes\)"$/m);
    for (const v of ['hunter2-old', 's3cr3t-new-value', 'tok-abcdef', 'admin'])
      for (const form of [v, b64(v)]) expect(diff).not.toContain(form);
  });

  it('an unchanged Secret is no change at all', () => {
    const s = secret(`data:\n  k: ${b64('v')}\n`);
    expect(manifestChanges(s, s)).toEqual([]);
  });
});

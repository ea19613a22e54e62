/**
 * Which documents of a manifest hold an object (manifest/documents.ts): Helm's kube client
 * (pkg/kube/client.go Build → cli-runtime StreamVisitor) skips a document whose YAML → JSON
 * value is `null`, i.e. empty, blanks and comments only, `# Source:` lines only, `null`, `~`.
 * MP-2 (SplitManifests) decides the pieces first.
 */
import { describe, expect, it } from '@jest/globals';
import { documentObject, objectDocuments, streamDocuments } from '../../src/manifest/documents.js';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}`;
const names = (manifest: string) =>
  objectDocuments(manifest).map((d) => {
    const v = d.value as { metadata?: { name?: string } };
    return v.metadata?.name;
  });

describe('documentObject (StreamVisitor skips null documents)', () => {
  it.each([
    ['empty', ''],
    ['blanks', '  \n \n'],
    ['one comment', '# a comment'],
    ['comments and blank lines', '# one\n\n   # two\n'],
    ['# Source: line only', '# Source: chart/templates/empty.yaml'],
    ['explicit null', 'null'],
    ['tilde', '~'],
    ['document end marker', '# Source: x\n...'],
  ])('%s is empty', (_name, doc) => {
    expect(documentObject(doc)).toBeUndefined();
  });

  it.each([
    ['an empty map', '{}', {}],
    ['a scalar', 'hello', 'hello'],
    ['a list', '- 1', [1]],
  ])('%s is not empty (Build rejects it later)', (_name, doc, want) => {
    expect(documentObject(doc)).toEqual(want);
  });

  it('throws YAML syntax errors', () => {
    expect(() => documentObject('a: [')).toThrow(/error converting YAML to JSON/);
  });
});

describe('streamDocuments (apimachinery YAMLReader, what Build reads a manifest with)', () => {
  it('ends a document at a line of `---` and whitespace, each line ending with a line break', () => {
    expect(streamDocuments('---\na: 1\n---  \t\nb: |\n  x\n---\n')).toEqual([
      'a: 1\n',
      'b: |\n  x\n',
    ]);
  });

  it('keeps a line that starts with `---` and goes on, and what follows the last separator', () => {
    expect(streamDocuments('a: 1\n---x\n--- a\nb: 2\n')).toEqual(['a: 1\n---x\n--- a\nb: 2\n']);
    expect(streamDocuments('a: 1\n---\n\n')).toEqual(['a: 1\n', '\n']);
  });

  it("ends the last line too, and reads `\\r\\n` as a line break (LineReader's ReadLine)", () => {
    expect(streamDocuments('a: |\r\n  x\r\n---\r\nb: 2')).toEqual(['a: |\n  x\n', 'b: 2\n']);
  });
});

describe('objectDocuments (YAMLReader documents, then empty documents skipped)', () => {
  it('skips comment-only documents between objects', () => {
    const m = `---\n# Source: c/templates/a.yaml\n${cm('a')}\n---\n# Source: c/templates/empty.yaml\n# nothing rendered\n---\n# Source: c/templates/b.yaml\n${cm('b')}\n`;
    expect(names(m)).toEqual(['a', 'b']);
  });

  it('skips runs of separators', () => {
    expect(names(`---\n---\n\n---   \n${cm('a')}\n---\n---\n${cm('b')}\n---\n`)).toEqual([
      'a',
      'b',
    ]);
  });

  it('skips documents of only # Source: lines', () => {
    const m = '---\n# Source: c/templates/x.yaml\n---\n# Source: c/templates/y.yaml\n';
    expect(objectDocuments(m)).toEqual([]);
  });

  it('keeps the text of each object document as the reader read it', () => {
    const [d] = objectDocuments(`---\n# Source: c/t.yaml\n${cm('a')}\n\n`);
    expect(d?.text).toBe(`# Source: c/t.yaml\n${cm('a')}\n\n`);
  });

  it("gives a block scalar that ends a release manifest's document its final line break, as Helm's Build does", () => {
    // Helm writes a release manifest as `---\n# Source: …\n` + trimmed text + `\n` per
    // document; a hook is built from its trimmed manifest alone (documentObject).
    const doc = `${cm('a')}\ndata:\n  config.yml: |\n    x: 1`;
    const [d] = objectDocuments(
      `---\n# Source: c/t.yaml\n${doc}\n---\n# Source: c/u.yaml\n${cm('b')}\n`,
    );
    expect((d?.value as { data: Record<string, string> }).data['config.yml']).toBe('x: 1\n');
    expect((documentObject(doc) as { data: Record<string, string> }).data['config.yml']).toBe(
      'x: 1',
    );
  });
});

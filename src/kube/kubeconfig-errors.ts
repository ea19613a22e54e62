/**
 * Checking a kubeconfig document before client-node reads it, so a broken one is reported as
 * Helm reports it (`error loading config file "PATH": yaml: line 10: <reason>`, client-go's
 * clientcmd loader) and never with an excerpt of its content: a kubeconfig holds tokens and
 * keys, and a parser's code frame would print them. Pure: text in, error out (the last parse
 * is reused).
 */
import { parseDocument, type Document } from 'yaml';
import { hasEscapedBytes } from '../gotemplate/go-utf8.js';
import { isMap } from '../gotemplate/values.js';
import { fastDecode } from '../yaml/fast-decode.js';
import { readerProblem } from '../yaml/reader-check.js';

/** Where a kubeconfig came from: a file path, or a description such as `input "kubeconfig"`. */
export interface KubeconfigSource {
  /** A file path (quoted in the message) ... */
  path?: string;
  /** ... or what else supplied it, e.g. `the action input "kubeconfig"`. */
  description?: string;
}

/** A kubeconfig that cannot be loaded; the message names the source and line, never content. */
export class KubeconfigError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

/** `error loading config file "PATH"` / `error loading config from <description>`. */
export function sourceLabel(source: KubeconfigSource): string {
  if (source.path !== undefined) return `error loading config file ${JSON.stringify(source.path)}`;
  return `error loading config from ${source.description ?? 'the kubeconfig'}`;
}

/**
 * The document of `text`, parsed once: the action checks its kubeconfig input, then
 * createNodeClient checks it again (issue 10: each parse of a kubeconfig with certificates is a
 * few ms). Only the last text is kept.
 */
let last: { text: string; doc: Document } | undefined;
function parsed(text: string): Document {
  if (last?.text !== text) last = { text, doc: parseDocument(text, { uniqueKeys: false }) };
  return last.doc;
}

/** A YAML document's top level: a mapping, nothing (empty or null), or anything else. */
export type YamlShape = 'mapping' | 'empty' | 'other';

/**
 * The shape of `text` when the block-subset reader (yaml/fast-decode.ts) reads it, which it
 * does only for text that parses without a problem; else undefined (the `yaml` package
 * decides). Most kubeconfigs are in that subset: issue 10, loading and running the `yaml`
 * package's parser cost ~15 ms before the action's first request.
 */
let quick: { text: string; shape: YamlShape | undefined } | undefined;
function quickShape(text: string): YamlShape | undefined {
  if (quick?.text === text) return quick.shape;
  let shape: YamlShape | undefined;
  if (!hasEscapedBytes(text) && readerProblem(text) === undefined) {
    const v = fastDecode(text);
    if (v !== undefined) shape = v === null ? 'empty' : isMap(v) ? 'mapping' : 'other';
  }
  quick = { text, shape };
  return shape;
}

/**
 * The top-level shape of `text`, which has no {@link yamlProblem}. Duplicate keys are no
 * problem (go-yaml v2 keeps the last; client-node's parser reports them without content).
 */
export function yamlShape(text: string): YamlShape {
  const shape = quickShape(text);
  if (shape !== undefined) return shape;
  const value: unknown = parsed(text).toJS();
  if (value === null || value === undefined) return 'empty';
  return typeof value === 'object' && !Array.isArray(value) ? 'mapping' : 'other';
}

/** The parser's reason without its position suffix or any quoted text. */
function reasonOf(message: string): string {
  let first = message.split('\n')[0] ?? '';
  first = first.replace(/ at line \d+, column \d+:?$/, '');
  const colon = first.indexOf(': ');
  if (colon >= 0) first = first.slice(0, colon);
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * The first YAML syntax problem of `text` as `yaml: line N: <reason>` (Go's yaml wording, no
 * excerpt of the text), or undefined when it parses.
 */
export function yamlProblem(text: string): { line: number; message: string } | undefined {
  if (quickShape(text) !== undefined) return undefined;
  const err = parsed(text).errors[0];
  if (!err) return undefined;
  const line = err.linePos?.[0]?.line ?? 1;
  return { line, message: `yaml: line ${line}: ${reasonOf(err.message)}` };
}

/** Throws KubeconfigError when `text` is not a YAML mapping. */
export function checkKubeconfig(text: string, source: KubeconfigSource): void {
  const problem = yamlProblem(text);
  if (problem)
    throw new KubeconfigError(`${sourceLabel(source)}: ${problem.message}`, problem.line);
  if (yamlShape(text) === 'other') {
    throw new KubeconfigError(`${sourceLabel(source)}: the document is not a mapping`, 1);
  }
}

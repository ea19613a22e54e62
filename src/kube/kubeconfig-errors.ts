/**
 * Checking a kubeconfig document before client-node reads it, so a broken one is reported as
 * Helm reports it (`error loading config file "PATH": yaml: line 10: <reason>`, client-go's
 * clientcmd loader) and never with an excerpt of its content: a kubeconfig holds tokens and
 * keys, and a parser's code frame would print them. Pure: text in, error out (the last parse
 * is reused).
 */
import { parseDocument, type Document } from 'yaml';

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
  const value: unknown = parsed(text).toJS();
  if (value === null || value === undefined) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KubeconfigError(`${sourceLabel(source)}: the document is not a mapping`, 1);
  }
}

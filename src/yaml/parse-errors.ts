/**
 * Translate the `yaml` package's syntax errors into go-yaml v2's wording and line numbers.
 *
 * go-yaml v2 (`decode.go` parser.fail) prints `yaml: line N: <problem>` where N is the
 * problem mark's 0-based line, plus one for scanner errors only. So scanner errors
 * (`mapping values are not allowed in this context`, `could not find expected ':'`,
 * `found character that cannot start any token`, `block sequence entries are not allowed in
 * this context`) show the editor line, and parser errors (`did not find expected key`,
 * `did not find expected ',' or ']'`, ...) show the editor line minus one. At the end of the
 * stream libyaml forces a line break (`yaml_parser_fetch_stream_end`), so an error at EOF
 * names the line after the last one.
 */
import type { YAMLError } from 'yaml';
import { YamlError } from './yaml-error.js';

const PREFIX = 'error converting YAML to JSON: yaml: ';

/** 0-based line of an offset. */
function lineAt(text: string, pos: number): number {
  let n = 0;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The line libyaml's stream-end mark sits on (0-based). */
function eofLine(text: string): number {
  const lines = lineAt(text, text.length);
  return text.length === 0 || text.endsWith('\n') ? lines : lines + 1;
}

/** Offset of the next token after `pos`, skipping blanks, line breaks and comments. */
function nextToken(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

function endOfLine(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
}

/** Where libyaml sees the next token after the line of `pos` (0-based line, EOF adjusted). */
function nextTokenLine(text: string, pos: number): number {
  const i = nextToken(text, endOfLine(text, pos));
  return i >= text.length ? eofLine(text) : lineAt(text, i);
}

/** First `:` that acts as a value indicator at or after `pos`. */
function nextValueIndicator(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    if (text[i] !== ':') continue;
    const n = text[i + 1];
    if (n === undefined || n === ' ' || n === '\n' || n === '\t' || n === '\r') return i;
  }
  return pos;
}

function lineStartsWithDash(text: string, pos: number): boolean {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const rest = text.slice(start, endOfLine(text, start)).trimStart();
  return rest === '-' || rest.startsWith('- ');
}

function indentation(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * libyaml requires a simple key (yaml_parser_save_simple_key: `required`) when it starts at
 * the column of the enclosing block mapping; a missing ':' after it is then the scanner's
 * "could not find expected ':'" rather than a later "mapping values are not allowed".
 */
function keyIsRequired(text: string, pos: number): boolean {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const column = pos - start;
  const before = text.slice(0, start).split('\n');
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i]!;
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    const ind = indentation(line);
    if (ind > column) continue;
    return ind === column && !content.startsWith('- ') && /:(\s|$)/.test(content);
  }
  return false;
}

const CANNOT_START = new Set(['|', '>', '%', '@', '`']);

/**
 * libyaml's view of an unclosed flow collection opened at `open`: after an entry the parser
 * wants `,` or the closing bracket; the first other token (or the stream end) is the problem.
 */
function flowProblem(text: string, open: number): YamlError | undefined {
  const closer = text[open] === '[' ? ']' : '}';
  const expected =
    closer === ']' ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'";
  let i = open + 1;
  let afterEntry = false;
  let colons = 0;
  for (;;) {
    i = nextToken(text, i);
    if (i >= text.length) return parserError(expected, eofLine(text));
    const c = text[i]!;
    // A closed collection: libyaml does not check flow indentation, so there is no error.
    if (c === closer) return undefined;
    if (c === ',') {
      afterEntry = false;
      colons = 0;
      i++;
      continue;
    }
    if (c === ':' && afterEntry && colons === 0) {
      colons++;
      afterEntry = false;
      i++;
      continue;
    }
    if (afterEntry) return parserError(expected, lineAt(text, i));
    if (CANNOT_START.has(c)) {
      return scannerError('found character that cannot start any token', lineAt(text, i));
    }
    i = skipFlowEntry(text, i);
    afterEntry = true;
  }
}

/** Skip one flow entry: a quoted scalar, a nested collection, or a (multi-line) plain scalar. */
function skipFlowEntry(text: string, i: number): number {
  const c = text[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
    return j + 1;
  }
  if (c === '[' || c === '{') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === '[' || text[j] === '{') depth++;
      if (text[j] === ']' || text[j] === '}') depth--;
      if (depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length) {
    const ch = text[j]!;
    if (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}') break;
    if (ch === ':' && /[\s,[\]{}]/.test(text[j + 1] ?? ' ')) break;
    if (ch === '#' && /\s/.test(text[j - 1] ?? ' ')) break;
    j++;
  }
  return j;
}

/**
 * go-yaml v2 parser.fail: a problem mark on line 0 prints no line at all (the context mark of
 * these errors is never below it); otherwise scanner errors add one to the 0-based line.
 */
function goYamlError(problem: string, markLine: number, scanner: boolean): YamlError {
  if (markLine === 0) return new YamlError(`${PREFIX}${problem}`);
  const line = scanner ? markLine + 1 : markLine;
  return new YamlError(`${PREFIX}line ${line}: ${problem}`, line);
}

/** A scanner error at the 0-based `markLine`. */
function scannerError(problem: string, markLine: number): YamlError {
  return goYamlError(problem, markLine, true);
}

/** A parser error at the 0-based `markLine`. */
function parserError(problem: string, markLine: number): YamlError {
  return goYamlError(problem, markLine, false);
}

function openFlowBefore(text: string, pos: number): number {
  let depth = 0;
  for (let i = Math.min(pos, text.length - 1); i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    if (c === '[' || c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The scanner error for a tab where go-yaml v2 expects a token (tab-check.ts). */
export function tabError(text: string, offset: number): YamlError {
  return scannerError('found character that cannot start any token', lineAt(text, offset));
}

/** The go-yaml error for the first error the `yaml` package reported. */
export function goYamlErrorFor(text: string, first: YAMLError): YamlError {
  const pos = first.pos[0];
  const msg = first.message;
  switch (first.code) {
    case 'TAB_AS_INDENT':
      return scannerError('found character that cannot start any token', lineAt(text, pos));
    case 'BAD_SCALAR_START':
      return scannerError('found character that cannot start any token', lineAt(text, pos));
    case 'UNEXPECTED_TOKEN':
      if (msg.includes('block-seq-ind on same line')) {
        return scannerError(
          'block sequence entries are not allowed in this context',
          lineAt(text, pos),
        );
      }
      break;
  }
  if (/^Missing closing "quote|^Missing closing 'quote/.test(msg)) {
    // The quoted scalar runs into the end of the input: no forced line break here.
    return scannerError('found unexpected end of stream', lineAt(text, text.length));
  }
  if (/Flow (sequence|map)/.test(msg)) {
    const open = openFlowBefore(text, pos);
    const problem = open >= 0 ? flowProblem(text, open) : undefined;
    if (problem) return problem;
  }
  if (lineStartsWithDash(text, pos)) {
    return parserError('did not find expected key', lineAt(text, pos));
  }
  if (first.code === 'MISSING_CHAR' && msg.startsWith('Implicit map keys')) {
    return scannerError("could not find expected ':'", nextTokenLine(text, pos));
  }
  if (first.code === 'MULTILINE_IMPLICIT_KEY' && keyIsRequired(text, pos)) {
    return scannerError("could not find expected ':'", nextTokenLine(text, pos));
  }
  if (first.code === 'BLOCK_AS_IMPLICIT_KEY' || first.code === 'MULTILINE_IMPLICIT_KEY') {
    const colon = nextValueIndicator(text, pos);
    return scannerError('mapping values are not allowed in this context', lineAt(text, colon));
  }
  if (first.code === 'BAD_ALIAS' || /Aliased anchor not found/.test(msg)) {
    const name = /: (\S+)$/.exec(msg)?.[1] ?? '';
    return new YamlError(`${PREFIX}unknown anchor '${name}' referenced`);
  }
  return parserError('did not find expected node content', lineAt(text, pos));
}

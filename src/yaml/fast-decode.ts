/**
 * A fast path for {@link decodeYaml} over the block-style subset that rendered manifests and
 * values files are made of: block mappings and sequences (compact `key:\n- a` included), plain
 * scalars resolved by go-yaml v2's rules ({@link resolvePlain}), single-line quoted scalars,
 * multi-line plain and quoted scalars (folded), literal block scalars (`|`, `|-`), empty flow collections
 * (`{}`, `[]`) and comments.
 *
 * It either returns exactly what the general decoder (the `yaml` package's parser plus go-yaml
 * v2's semantics) returns, or `undefined` when the text holds anything outside the subset,
 * anything doubtful, or an error: the caller then runs the general decoder, which also words
 * every error as go-yaml does. Anchors, aliases, tags, merge keys, non-string keys, flow
 * collections, folded and keep-chomped block scalars, escaped line breaks, plain
 * continuation lines that start with `- `/`? `/`: ` or hold `: ` or ` #`,
 * tabs, CR line breaks and document markers are all left to the general decoder.
 *
 * Why: parsing each rendered document (releaseutil's SimpleHead) and every values.yaml was the
 * largest cost of rendering a large chart (issue 10); this subset is ~10x cheaper to read.
 */
import type { GoMap, GoSlice, GoValue } from '../gotemplate/values.js';
import { newMap } from '../gotemplate/values.js';
import { resolvePlain } from './resolve.js';

/** Thrown inside the fast path to give up; never escapes {@link fastDecode}. */
class Bail {}
const BAIL = new Bail();

function bail(): never {
  throw BAIL;
}

/** Characters that cannot start a plain scalar (YAML c-indicators). */
const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`']);

/** Whether `s` cannot be a plain scalar for this subset: an indicator first, or `-`/`?`/`:` then space. */
function badPlainStart(s: string): boolean {
  const c = s[0]!;
  if (INDICATORS.has(c)) return true;
  if (c === '-' || c === '?' || c === ':') return s.length === 1 || s.charCodeAt(1) === 0x20;
  return false;
}

interface Line {
  /** Number of leading spaces. */
  readonly indent: number;
  /** The text after the indentation. */
  readonly body: string;
  /** Blank (only spaces) or a comment line. */
  readonly skip: boolean;
}

class Reader {
  readonly lines: Line[];
  pos = 0;

  constructor(
    text: string,
    readonly unterminated: boolean,
  ) {
    const raw = text.split('\n');
    if (!unterminated) raw.pop();
    this.lines = raw.map((l) => {
      let i = 0;
      while (i < l.length && l.charCodeAt(i) === 0x20) i++;
      const body = l.slice(i);
      return { indent: i, body, skip: body === '' || body.charCodeAt(0) === 0x23 };
    });
  }

  /** Index of the next line that is not blank or a comment (lines.length at the end). */
  nextContent(from = this.pos): number {
    let i = from;
    while (i < this.lines.length && this.lines[i]!.skip) i++;
    return i;
  }
}

/** Decode `text` (already checked by readerProblem) or return undefined to use the full decoder. */
export function fastDecode(text: string): GoValue | undefined {
  // Tabs, CRs and YAML 1.1's extra line breaks follow rules this subset does not model.
  if (/[\t\r\u0085\u2028\u2029\ufeff]/.test(text)) return undefined;
  const r = new Reader(text, text.length > 0 && !text.endsWith('\n'));
  try {
    for (const l of r.lines) {
      if (l.indent === 0 && (l.body.startsWith('---') || l.body.startsWith('...'))) bail();
      if (l.indent === 0 && l.body.startsWith('%')) bail();
    }
    const first = r.nextContent();
    if (first === r.lines.length) return null;
    const value = block(r, r.lines[first]!.indent);
    if (r.nextContent() !== r.lines.length) bail();
    return value;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/** A block node whose first line is the next content line, at exactly `indent`. */
function block(r: Reader, indent: number): GoValue {
  r.pos = r.nextContent();
  const l = r.lines[r.pos]!;
  if (l.indent !== indent) bail();
  if (isSeqEntry(l.body)) return sequence(r, indent);
  if (l.body === '{}' || l.body === '[]') {
    // `{}` / `[]` on a line of its own (toYaml of an empty map under nindent): what follows
    // must be less indented.
    r.pos++;
    return inlineValue(r, l.body, indent - 1);
  }
  return mapping(r, indent, undefined);
}

function isSeqEntry(body: string): boolean {
  return body === '-' || body.startsWith('- ');
}

/**
 * A block mapping at `indent`. `firstBody` is the rest of a `- ` line that opens a compact
 * mapping inside a sequence entry (its first pair); otherwise pairs start at r.pos.
 */
function mapping(r: Reader, indent: number, firstBody: string | undefined): GoMap {
  const out = newMap();
  let body = firstBody;
  for (;;) {
    if (body === undefined) {
      const i = r.nextContent();
      if (i === r.lines.length) return out;
      const l = r.lines[i]!;
      if (l.indent < indent) return out;
      if (l.indent > indent || isSeqEntry(l.body)) bail();
      r.pos = i + 1;
      body = l.body;
    }
    const { key, rest } = splitPair(body);
    out[key] = rest === '' ? nestedValue(r, indent, true) : inlineValue(r, rest, indent);
    body = undefined;
  }
}

/** A block sequence at `indent`, starting at r.pos. */
function sequence(r: Reader, indent: number): GoSlice {
  const out: GoSlice = [];
  for (;;) {
    const i = r.nextContent();
    if (i === r.lines.length) return out;
    const l = r.lines[i]!;
    if (l.indent !== indent || !isSeqEntry(l.body)) {
      if (l.indent > indent) bail();
      return out;
    }
    r.pos = i + 1;
    let k = 1;
    while (k < l.body.length && l.body.charCodeAt(k) === 0x20) k++;
    const rest = l.body.slice(k);
    if (rest === '' || rest.startsWith('#')) {
      if (rest !== '' && k === 1) bail();
      out.push(nestedValue(r, indent, false));
    } else if (isSeqEntry(rest)) {
      bail();
    } else if (rest.charCodeAt(0) === 0x7b || rest.charCodeAt(0) === 0x5b) {
      out.push(inlineValue(r, rest, indent));
    } else if (pairSeparator(rest) >= 0) {
      out.push(mapping(r, indent + k, rest));
    } else {
      out.push(inlineValue(r, rest, indent));
    }
  }
}

/**
 * The value of `key:` (or `-`) with nothing after it on the line: a more indented block, a
 * compact sequence at the mapping's own indent (mappings only), or null.
 */
function nestedValue(r: Reader, indent: number, inMapping: boolean): GoValue {
  const i = r.nextContent();
  if (i === r.lines.length) return null;
  const l = r.lines[i]!;
  if (l.indent > indent) return block(r, l.indent);
  if (inMapping && l.indent === indent && isSeqEntry(l.body)) {
    r.pos = i;
    return sequence(r, indent);
  }
  return null;
}

/** Where the `: ` (or final `:`) of an implicit key is, for a plain or quoted key; -1 if none. */
function pairSeparator(body: string): number {
  const c = body.charCodeAt(0);
  if (c === 0x22 || c === 0x27) {
    const end = quotedEnd(body, 0);
    if (end < 0) return -1;
    let j = end;
    while (j < body.length && body.charCodeAt(j) === 0x20) j++;
    return body.charCodeAt(j) === 0x3a && (j + 1 === body.length || body.charCodeAt(j + 1) === 0x20)
      ? j
      : -1;
  }
  const sep = body.indexOf(': ');
  if (sep >= 0) return sep;
  return body.endsWith(':') ? body.length - 1 : -1;
}

function splitPair(body: string): { key: string; rest: string } {
  const sep = pairSeparator(body);
  if (sep <= 0 || sep > 1000) bail();
  let keyText = body.slice(0, sep);
  let k = keyText.length;
  while (k > 0 && keyText.charCodeAt(k - 1) === 0x20) k--;
  keyText = keyText.slice(0, k);
  let key: string;
  const c = keyText.charCodeAt(0);
  if (c === 0x22 || c === 0x27) {
    if (quotedEnd(keyText, 0) !== keyText.length) bail();
    key = quoted(keyText);
  } else {
    if (badPlainStart(keyText) || keyText.includes(' #') || keyText === '<<') bail();
    const resolved = resolvePlain(keyText);
    if (resolved.tag !== 'str') bail();
    key = keyText;
  }
  let j = sep + 1;
  while (j < body.length && body.charCodeAt(j) === 0x20) j++;
  const rest = body.slice(j);
  return { key, rest: rest.startsWith('#') ? '' : rest };
}

/** Index just after the closing quote of the quoted scalar opening at `start`; -1 if none. */
function quotedEnd(s: string, start: number): number {
  const q = s.charCodeAt(start);
  for (let i = start + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q === 0x22 && c === 0x5c) {
      i++;
      continue;
    }
    if (c === q) {
      if (q === 0x27 && s.charCodeAt(i + 1) === 0x27) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
};

/** The value of a whole quoted scalar `s` (single line). */
function quoted(s: string): string {
  const inner = s.slice(1, -1);
  if (s.charCodeAt(0) === 0x27) return inner.replaceAll("''", "'");
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = inner[++i] ?? '';
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (e === 'u') {
      const hex = inner.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) bail();
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) bail();
      out += String.fromCharCode(code);
      i += 4;
      continue;
    }
    bail();
  }
  return out;
}

/** After a scalar: nothing, or spaces then a comment. */
function checkTrailer(s: string): void {
  let j = 0;
  while (j < s.length && s.charCodeAt(j) === 0x20) j++;
  if (j === s.length) return;
  if (j === 0 || s.charCodeAt(j) !== 0x23) bail();
}

/**
 * No continuation: the next content line must not be more indented than `indent` (a comment
 * line ends a plain scalar, so comments at any indentation are skipped).
 */
function checkNoContinuation(r: Reader, indent: number): void {
  const i = r.nextContent();
  if (i < r.lines.length && r.lines[i]!.indent > indent) bail();
}

/** A value written on the line of its key (or `- `), in a collection at `indent`. */
function inlineValue(r: Reader, rest: string, indent: number): GoValue {
  const c = rest[0]!;
  if (c === '|') return literal(r, rest, indent);
  if (c === '"' || c === "'") {
    const end = quotedEnd(rest, 0);
    if (end < 0) return multiLineQuoted(r, rest, indent);
    checkTrailer(rest.slice(end));
    checkNoContinuation(r, indent);
    return quoted(rest.slice(0, end));
  }
  if (c === '{' || c === '[') {
    const { value, end } = flow(rest);
    checkTrailer(rest.slice(end));
    checkNoContinuation(r, indent);
    return value;
  }
  if (badPlainStart(rest)) bail();
  let text = rest;
  const comment = text.indexOf(' #');
  if (comment >= 0) text = text.slice(0, comment);
  let k = text.length;
  while (k > 0 && text.charCodeAt(k - 1) === 0x20) k--;
  text = text.slice(0, k);
  if (text.includes(': ') || text.endsWith(':')) bail();
  if (comment >= 0) {
    // A comment ends the scalar: a deeper line after it would be an error.
    checkNoContinuation(r, indent);
    return plainValue(text);
  }
  return plainValue(text + plainContinuation(r, indent));
}

/** `-`, `?` or `:` alone or before a space: doubtful at the start of a continuation line. */
function seqOrKeyStart(body: string): boolean {
  const c = body.charCodeAt(0);
  if (c !== 0x2d && c !== 0x3f && c !== 0x3a) return false;
  return body.length === 1 || body.charCodeAt(1) === 0x20;
}

/**
 * A quoted scalar that continues on following lines, each indented deeper than the collection
 * at `indent` (blank lines allowed), folded like a plain scalar before its escapes are read
 * (`''` in single quotes; an escaped line break in double quotes is left to the full decoder).
 */
function multiLineQuoted(r: Reader, rest: string, indent: number): string {
  const q = rest[0]!;
  const lines = r.lines;
  const trimEnd = (t: string): string => {
    let k = t.length;
    while (k > 0 && t.charCodeAt(k - 1) === 0x20) k--;
    if (q === '"' && t.charCodeAt(k - 1) === 0x5c) bail();
    return t.slice(0, k);
  };
  let out = trimEnd(rest.slice(1));
  let blanks = 0;
  for (let i = r.pos; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.body === '') {
      blanks++;
      continue;
    }
    if (l.indent <= indent) bail();
    const text = l.body;
    const end = quotedEnd(q + text, 0);
    out += blanks === 0 ? ' ' : '\n'.repeat(blanks);
    blanks = 0;
    if (end < 0) {
      out += trimEnd(text);
      continue;
    }
    out += text.slice(0, end - 2);
    checkTrailer(text.slice(end - 1));
    r.pos = i + 1;
    checkNoContinuation(r, indent);
    return quoted(q + out + q);
  }
  return bail();
}

/**
 * The folded continuation lines of a multi-line plain scalar (CRD descriptions wrap this way)
 * in a collection at `indent`: every following line indented deeper, or blank, up to the first
 * other content line. Each line is trimmed; a single line break folds to a space and n blank
 * lines to n line breaks (YAML line folding). Comments, indicators at a line start and `: `/` #`
 * inside are left to the full decoder.
 */
function plainContinuation(r: Reader, indent: number): string {
  const lines = r.lines;
  let out = '';
  let blanks = 0;
  let i = r.pos;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.body === '') {
      blanks++;
      continue;
    }
    // A comment line ends the scalar (a deeper line after it is the caller's to refuse).
    if (l.indent <= indent || l.skip) break;
    let k = l.body.length;
    while (k > 0 && l.body.charCodeAt(k - 1) === 0x20) k--;
    const body = l.body.slice(0, k);
    if (seqOrKeyStart(body) || body.includes(': ') || body.endsWith(':')) bail();
    if (body.includes(' #')) bail();
    out += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + body;
    blanks = 0;
    r.pos = i + 1;
  }
  return out;
}

/** A plain scalar as go-yaml v2 resolves it, after the JSON step (numbers become float64). */
function plainValue(text: string): GoValue {
  const v = resolvePlain(text);
  switch (v.tag) {
    case 'int':
      return Number(v.value);
    case 'float':
      if (!Number.isFinite(v.value)) bail();
      return v.value;
    default:
      return v.value;
  }
}

/** A literal block scalar (`|` or `|-`, optional comment) of a node in a collection at `indent`. */
function literal(r: Reader, header: string, indent: number): string {
  let strip = false;
  let h = 1;
  if (header[1] === '-') {
    strip = true;
    h = 2;
  }
  checkTrailer(header.slice(h));
  const lines = r.lines;
  let i = r.pos;
  // Leading blank lines, then the first content line sets the indentation.
  let maxBlank = 0;
  while (i < lines.length && lines[i]!.body === '') {
    maxBlank = Math.max(maxBlank, lines[i]!.indent);
    i++;
  }
  const content: string[] = [];
  const leading = i - r.pos;
  if (i === lines.length || lines[i]!.indent <= indent) {
    if (maxBlank > indent) bail();
    r.pos = r.pos + leading;
    // A following comment at a deeper indent would be content in the full grammar: leave it.
    checkNoContinuation(r, indent);
    return '';
  }
  const ci = lines[i]!.indent;
  if (maxBlank > ci) bail();
  for (let k = 0; k < leading; k++) content.push('');
  let last = i;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.body === '') {
      if (l.indent > ci) bail();
      content.push('');
      continue;
    }
    if (l.indent < ci) break;
    content.push(' '.repeat(l.indent - ci) + l.body);
    last = i;
  }
  // Trailing blank lines belong to no one under clip/strip chomping.
  content.length -= i - 1 - last;
  r.pos = last + 1;
  const value = content.join('\n');
  if (strip) return value;
  // At the end of unterminated input the final line break does not exist (decode.ts scalarText).
  if (r.unterminated && last === lines.length - 1) return value;
  return value + '\n';
}

/**
 * A single-line flow collection at the start of `s` (`[a, "b"]`, `{k: v, l: [1, {m: n}]}`,
 * empty ones), nested to any depth: quoted scalars and plain ones without `:`, `#` or quotes,
 * string keys. Returns the value and where the collection ends.
 */
function flow(s: string): { value: GoValue; end: number } {
  return flowAt(s, 0, 0);
}

function skipFlowSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 0x20) i++;
  return i;
}

function flowAt(s: string, start: number, depth: number): { value: GoValue; end: number } {
  if (depth > 64) bail();
  const isMap = s.charCodeAt(start) === 0x7b;
  const close = isMap ? 0x7d : 0x5d;
  const map = newMap();
  const seq: GoSlice = [];
  let i = skipFlowSpaces(s, start + 1);
  if (s.charCodeAt(i) === close) return { value: isMap ? map : seq, end: i + 1 };
  for (;;) {
    if (isMap) {
      const k = flowScalarAt(s, i, true);
      let key: string;
      if (k.quoted) key = k.value as string;
      else {
        if (k.text === '<<' || resolvePlain(k.text).tag !== 'str') bail();
        key = k.text;
      }
      i = k.end;
      if (s.charCodeAt(i) !== 0x3a || s.charCodeAt(i + 1) !== 0x20) bail();
      const v = flowItem(s, skipFlowSpaces(s, i + 2), depth);
      map[key] = v.value;
      i = v.end;
    } else {
      const v = flowItem(s, i, depth);
      seq.push(v.value);
      i = v.end;
    }
    i = skipFlowSpaces(s, i);
    const c = s.charCodeAt(i);
    if (c === close) return { value: isMap ? map : seq, end: i + 1 };
    if (c !== 0x2c) bail();
    i = skipFlowSpaces(s, i + 1);
    if (s.charCodeAt(i) === close) bail();
  }
}

/** A flow collection or scalar at `i`. */
function flowItem(s: string, i: number, depth: number): { value: GoValue; end: number } {
  const c = s.charCodeAt(i);
  if (c === 0x7b || c === 0x5b) return flowAt(s, i, depth + 1);
  const sc = flowScalarAt(s, i, false);
  return { value: sc.quoted ? sc.value : plainValue(sc.text), end: sc.end };
}

/**
 * A quoted scalar, or a plain one up to `,`, a bracket or (a `key`) `: ` (trailing spaces not
 * included).
 */
function flowScalarAt(
  s: string,
  i: number,
  key: boolean,
): { quoted: boolean; text: string; value: GoValue; end: number } {
  const c = s.charCodeAt(i);
  if (c === 0x22 || c === 0x27) {
    const end = quotedEnd(s, i);
    if (end < 0) bail();
    const text = s.slice(i, end);
    return { quoted: true, text, value: quoted(text), end };
  }
  let j = i;
  for (;;) {
    const d = s.charCodeAt(j);
    if (Number.isNaN(d) || d === 0x2c || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d) {
      break;
    }
    if (key && d === 0x3a && s.charCodeAt(j + 1) === 0x20) break;
    j++;
  }
  while (j > i && s.charCodeAt(j - 1) === 0x20) j--;
  const text = s.slice(i, j);
  if (text === '' || badPlainStart(text) || /[:#"']/.test(text)) bail();
  return { quoted: false, text, value: null, end: j };
}

/**
 * Go's regexp package over re2js (RE2 syntax, linear time): the match-iteration rules of
 * golang/go:src/regexp/regexp.go (`allMatches`, `replaceAll`, `Split`, `expand`, `QuoteMeta`).
 * Positions are UTF-16 indices; "advance one rune" steps over a surrogate pair.
 */
import { RE2JS, RE2JSException } from 're2js';
import type { Matcher } from 're2js';

/** A compile error whose message is Go's `error parsing regexp: …` text. */
export class RegexpSyntaxError extends Error {}

/** strconv.Quote, enough for regexp patterns in panic messages. */
function strconvQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const esc: Record<string, string> = {
      '"': '\\"',
      '\\': '\\\\',
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
    };
    if (esc[ch]) out += esc[ch];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** regexp's quote(): backquoted when strconv.CanBackquote, else strconv.Quote. */
export function regexpQuote(s: string): string {
  // eslint-disable-next-line no-control-regex
  const canBackquote = !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(s);
  return canBackquote ? '`' + s + '`' : strconvQuote(s);
}

const isLetterOrDigit = (ch: string): boolean => /^[\p{L}\p{Nd}_]$/u.test(ch);

/** Width in UTF-16 units of the rune at `pos` (0 at the end of input). */
function runeWidth(s: string, pos: number): number {
  if (pos >= s.length) return 0;
  const c = s.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length) {
    const d = s.charCodeAt(pos + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Compiled patterns by source; a GoRegexp holds no per-match state. */
const COMPILED = new Map<string, GoRegexp>();
const MAX_COMPILED = 1000;

/**
 * A pattern of plain characters, none special in RE2 syntax, optionally ending in `.*`: such as
 * Grafana's `@sha.*` (its labels strip an image digest with mustRegexReplaceAllLiteral on every
 * object). Matched with indexOf, without compiling the pattern or loading re2js (issue 10).
 */
const LITERAL_PATTERN = /^([A-Za-z0-9@_\-/:=, ]+)(\.\*)?$/;

/** A literal pattern: `text` then, with `toLineEnd`, everything up to the next newline. */
interface LiteralForm {
  readonly text: string;
  readonly toLineEnd: boolean;
}

export class GoRegexp {
  private compiled: RE2JS | undefined;

  private constructor(
    compiled: RE2JS | undefined,
    readonly expr: string,
    private readonly literal: LiteralForm | undefined,
  ) {
    this.compiled = compiled;
  }

  private get re(): RE2JS {
    return (this.compiled ??= RE2JS.compile(this.expr));
  }

  /**
   * regexp.Compile. Throws RegexpSyntaxError. Compiled patterns are kept (a chart applies the
   * same few patterns again and again; compiling is most of a match's cost).
   */
  static compile(expr: string): GoRegexp {
    const cached = COMPILED.get(expr);
    if (cached !== undefined) return cached;
    const re = GoRegexp.compileUncached(expr);
    if (COMPILED.size >= MAX_COMPILED) COMPILED.clear();
    COMPILED.set(expr, re);
    return re;
  }

  /** regexp.Compile without the cache. */
  static compileUncached(expr: string): GoRegexp {
    const m = LITERAL_PATTERN.exec(expr);
    if (m !== null) return new GoRegexp(undefined, expr, { text: m[1]!, toLineEnd: !!m[2] });
    return GoRegexp.compileGeneral(expr);
  }

  /** regexp.Compile with re2js, whatever the pattern (the tests hold the literal form to it). */
  static compileGeneral(expr: string): GoRegexp {
    try {
      return new GoRegexp(RE2JS.compile(expr), expr, undefined);
    } catch (e) {
      if (e instanceof RE2JSException) throw new RegexpSyntaxError(e.message);
      throw e;
    }
  }

  /** regexp.MustCompile's panic text for a bad pattern. */
  static mustCompileMessage(expr: string, err: RegexpSyntaxError): string {
    return `regexp: Compile(${regexpQuote(expr)}): ${err.message}`;
  }

  /** Leftmost-first match at or after `pos`, with the whole string as context. */
  private exec(m: Matcher, pos: number): number[] | undefined {
    if (!m.find(pos)) return undefined;
    const n = m.groupCount();
    const out: number[] = [];
    for (let i = 0; i <= n; i++) out.push(m.start(i), m.end(i));
    return out;
  }

  matchString(s: string): boolean {
    if (this.literal !== undefined) return s.includes(this.literal.text);
    return this.re.matcher(s).find(0);
  }

  /**
   * replaceAll for a literal pattern: every match is non-empty, so each one is replaced and the
   * search goes on from its end (regexp.go `replaceAll`).
   */
  private replaceLiteral(lit: LiteralForm, s: string, repl: string): string {
    let out = '';
    let last = 0;
    for (;;) {
      const at = s.indexOf(lit.text, last);
      if (at < 0) break;
      let end = at + lit.text.length;
      if (lit.toLineEnd) {
        const nl = s.indexOf('\n', end);
        end = nl < 0 ? s.length : nl;
      }
      out += s.slice(last, at) + repl;
      last = end;
    }
    return last === 0 ? s : out + s.slice(last);
  }

  findString(s: string): string {
    const m = this.re.matcher(s);
    return m.find(0) ? s.slice(m.start(0), m.end(0)) : '';
  }

  /** allMatches: at most n matches (n < 0: all); an empty match right after a match is skipped. */
  findAllIndex(s: string, n0: number): number[][] {
    const n = n0 < 0 ? s.length + 1 : n0;
    const out: number[][] = [];
    const m = this.re.matcher(s);
    let pos = 0;
    let prevMatchEnd = -1;
    while (out.length < n && pos <= s.length) {
      const a = this.exec(m, pos);
      if (!a) break;
      let accept = true;
      if (a[1] === pos) {
        if (a[0] === prevMatchEnd) accept = false;
        const w = runeWidth(s, pos);
        pos = w > 0 ? pos + w : s.length + 1;
      } else {
        pos = a[1];
      }
      prevMatchEnd = a[1];
      if (accept) out.push(a);
    }
    return out;
  }

  /** FindAllString; undefined stands for Go's nil result (no match, or n == 0). */
  findAllString(s: string, n: number): string[] | undefined {
    if (n === 0) return undefined;
    const all = this.findAllIndex(s, n);
    return all.length === 0 ? undefined : all.map((a) => s.slice(a[0], a[1]));
  }

  /** Regexp.Split; undefined for n == 0 (nil). */
  split(s: string, n: number): string[] | undefined {
    if (n === 0) return undefined;
    if (this.expr.length > 0 && s.length === 0) return [''];
    const out: string[] = [];
    let beg = 0;
    let end = 0;
    for (const match of this.findAllIndex(s, n)) {
      if (n > 0 && out.length === n - 1) break;
      end = match[0];
      if (match[1] !== 0) out.push(s.slice(beg, end));
      beg = match[1];
    }
    if (end !== s.length) out.push(s.slice(beg));
    return out;
  }

  /** The replaceAll loop: `repl` gets the match indices. */
  private replaceAllWith(s: string, repl: (a: number[]) => string): string {
    const m = this.re.matcher(s);
    let out = '';
    let lastMatchEnd = 0;
    let searchPos = 0;
    while (searchPos <= s.length) {
      const a = this.exec(m, searchPos);
      if (!a) break;
      out += s.slice(lastMatchEnd, a[0]);
      // No replacement for an empty match immediately after another match.
      if (a[1] > lastMatchEnd || a[0] === 0) out += repl(a);
      lastMatchEnd = a[1];
      const w = runeWidth(s, searchPos);
      if (searchPos + w > a[1]) searchPos += w;
      else if (searchPos + 1 > a[1]) searchPos++;
      else searchPos = a[1];
    }
    return out + s.slice(lastMatchEnd);
  }

  replaceAllLiteralString(s: string, repl: string): string {
    if (this.literal !== undefined) return this.replaceLiteral(this.literal, s, repl);
    return this.replaceAllWith(s, () => repl);
  }

  /** ReplaceAllString: `$1`, `${1}`, `$name`, `${name}`, `$$` expanded as Regexp.Expand. */
  replaceAllString(s: string, template: string): string {
    if (this.literal !== undefined && !template.includes('$')) {
      return this.replaceLiteral(this.literal, s, template);
    }
    const names = this.re.namedGroups();
    return this.replaceAllWith(s, (a) => this.expand(template, s, a, names));
  }

  private expand(
    template: string,
    src: string,
    match: number[],
    names: Record<string, number>,
  ): string {
    let out = '';
    let t = template;
    for (;;) {
      const i = t.indexOf('$');
      if (i < 0) break;
      out += t.slice(0, i);
      t = t.slice(i + 1);
      if (t[0] === '$') {
        out += '$';
        t = t.slice(1);
        continue;
      }
      const ref = extractRef(t);
      if (!ref) {
        out += '$';
        continue;
      }
      t = ref.rest;
      const idx = ref.num >= 0 ? ref.num : names[ref.name];
      if (idx !== undefined && 2 * idx + 1 < match.length && match[2 * idx] >= 0) {
        out += src.slice(match[2 * idx], match[2 * idx + 1]);
      }
    }
    return out + t;
  }
}

/** regexp's extract: a `name` or `{name}` after `$`; num is -1 for non-numeric names. */
function extractRef(str: string): { name: string; num: number; rest: string } | undefined {
  let s = str;
  const brace = s[0] === '{';
  if (brace) s = s.slice(1);
  let i = 0;
  for (const ch of s) {
    if (!isLetterOrDigit(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = s.slice(0, i);
  if (brace) {
    if (s[i] !== '}') return undefined;
    i++;
  }
  let num = /^[0-9]+$/.test(name) && name.length <= 9 ? Number(name) : -1;
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: s.slice(i) };
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, (c) => '\\' + c);
}

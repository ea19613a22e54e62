/**
 * go-yaml's scalar writers (`emitterc.go`): plain, single-quoted, double-quoted (with folding at
 * best_width and libyaml's escapes) and literal block scalars with their indentation and
 * chomping indicators.
 */
import type { EmitterCore } from './emitter-core.js';
import { codePoints, isBreak, isPrintable, isSpace } from './scalar-analysis.js';

/** write_break: a line feed is written as such, other breaks (CR, NEL, LS, PS) raw. */
function writeBreak(e: EmitterCore, c: number): void {
  if (c === 0x0a) {
    e.putBreak();
    return;
  }
  e.write(c);
  e.column = 0;
  e.indention = true;
}

/**
 * The body of a plain or single-quoted scalar, the loop the two libyaml writers share: a space
 * past best_width folds (single-quoted: never the first or last character), breaks are kept, and
 * a single-quoted scalar doubles its `'`.
 */
function writeFoldable(
  e: EmitterCore,
  cps: number[],
  opts: { allowBreaks: boolean; quoted: boolean },
): void {
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (isSpace(c)) {
      const inside = !opts.quoted || (i !== 0 && i !== cps.length - 1);
      if (opts.allowBreaks && !spaces && e.column > e.bestWidth && inside && !isSpace(cps[i + 1])) {
        e.writeIndent();
      } else {
        e.write(c);
      }
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === 0x0a) e.putBreak();
      writeBreak(e, c);
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      if (opts.quoted && c === 0x27) e.put("'");
      e.write(c);
      e.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  e.whitespace = false;
  e.indention = false;
}

/** yaml_emitter_write_plain_scalar. */
export function writePlain(e: EmitterCore, value: string, allowBreaks: boolean): void {
  if (!e.whitespace) e.put(' ');
  writeFoldable(e, codePoints(value), { allowBreaks, quoted: false });
}

/** yaml_emitter_write_single_quoted_scalar. */
export function writeSingleQuoted(e: EmitterCore, value: string, allowBreaks: boolean): void {
  e.writeIndicator("'", true, false, false);
  writeFoldable(e, codePoints(value), { allowBreaks, quoted: true });
  e.writeIndicator("'", false, false, false);
  e.whitespace = false;
  e.indention = false;
}

const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function writeEscape(e: EmitterCore, c: number): void {
  e.put('\\');
  const short = SHORT_ESCAPES.get(c);
  if (short !== undefined) {
    e.put(short);
    return;
  }
  const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  e.put(letter);
  for (const ch of c.toString(16).toUpperCase().padStart(width, '0')) e.put(ch);
}

/** yaml_emitter_write_double_quoted_scalar. */
export function writeDoubleQuoted(e: EmitterCore, value: string, allowBreaks: boolean): void {
  e.writeIndicator('"', true, false, false);
  const cps = codePoints(value);
  // go-yaml's is_bom(value, i) looks at the start of the value, not at i: a value that begins
  // with a BOM has every character escaped.
  const bom = cps[0] === 0xfeff;
  let spaces = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (bom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
      writeEscape(e, c);
      spaces = false;
    } else if (isSpace(c)) {
      if (allowBreaks && !spaces && e.column > e.bestWidth && i !== 0 && i !== cps.length - 1) {
        e.writeIndent();
        if (isSpace(cps[i + 1])) e.put('\\');
      } else {
        e.write(c);
      }
      spaces = true;
    } else {
      e.write(c);
      spaces = false;
    }
  }
  e.writeIndicator('"', false, false, false);
  e.whitespace = false;
  e.indention = false;
}

/** yaml_emitter_write_block_scalar_hints: indentation hint for leading space/break, chomping. */
function writeBlockHints(e: EmitterCore, cps: number[]): void {
  if (isSpace(cps[0]) || isBreak(cps[0])) {
    e.writeIndicator(String(e.bestIndent), false, false, false);
  }
  let chomp = '';
  const n = cps.length;
  if (n === 0 || !isBreak(cps[n - 1])) chomp = '-';
  else if (n === 1) chomp = '+';
  else if (isBreak(cps[n - 2])) chomp = '+';
  if (chomp) e.writeIndicator(chomp, false, false, false);
}

/** yaml_emitter_write_literal_scalar. */
export function writeLiteral(e: EmitterCore, value: string): void {
  e.writeIndicator('|', true, false, false);
  const cps = codePoints(value);
  writeBlockHints(e, cps);
  e.putBreak();
  e.indention = true;
  e.whitespace = true;
  let breaks = true;
  for (const c of cps) {
    if (isBreak(c)) {
      writeBreak(e, c);
      breaks = true;
    } else {
      if (breaks) {
        e.writeIndent();
        breaks = false;
      }
      e.write(c);
      e.indention = false;
    }
  }
}

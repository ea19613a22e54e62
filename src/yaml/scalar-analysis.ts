/**
 * libyaml's scalar analysis as go-yaml ports it (`emitterc.go` yaml_emitter_analyze_scalar and
 * the character classes of `yamlprivateh.go`), with the emitter in unicode mode (go-yaml's
 * encoder calls yaml_emitter_set_unicode(true)). Works on code points.
 */

export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** is_printable: #x0A, #x20-#x7E, #xA0-#xD7FF, #xE000-#xFFFD except the BOM #xFEFF. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** is_break: CR, LF, NEL, LS, PS. */
export function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

export function isSpace(cp: number | undefined): boolean {
  return cp === 0x20;
}

function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

function isBlankz(cp: number | undefined): boolean {
  return cp === undefined || cp === 0 || isBlank(cp) || isBreak(cp);
}

/** The string as code points (go-yaml walks UTF-8 characters). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

const FIRST_INDICATORS = new Set('#,[]{}&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));
const FLOW_INDICATORS = new Set(',?[]{}'.split('').map((c) => c.charCodeAt(0)));
const COLON = 0x3a;
const HASH = 0x23;
const DASH = 0x2d;
const QUESTION = 0x3f;

interface Flags {
  flowInd: boolean;
  blockInd: boolean;
  special: boolean;
  tabs: boolean;
  lineBreaks: boolean;
  leadingSpace: boolean;
  leadingBreak: boolean;
  trailingSpace: boolean;
  trailingBreak: boolean;
  breakSpace: boolean;
  spaceBreak: boolean;
}

function indicatorChecks(cps: number[], i: number, f: Flags, preceded: boolean): void {
  const c = cps[i]!;
  const followed = i + 1 >= cps.length || isBlank(cps[i + 1]);
  if (i === 0) {
    if (FIRST_INDICATORS.has(c)) {
      f.flowInd = true;
      f.blockInd = true;
    } else if (c === QUESTION || c === COLON) {
      f.flowInd = true;
      if (followed) f.blockInd = true;
    } else if (c === DASH && followed) {
      f.flowInd = true;
      f.blockInd = true;
    }
    return;
  }
  if (FLOW_INDICATORS.has(c)) {
    f.flowInd = true;
  } else if (c === COLON) {
    f.flowInd = true;
    if (followed) f.blockInd = true;
  } else if (c === HASH && preceded) {
    f.flowInd = true;
    f.blockInd = true;
  }
}

export interface AnalyzeOptions {
  /**
   * go-yaml v3 counts tabs separately (`tab_characters`): they forbid plain and single-quoted
   * style but, unlike other unprintable characters, still allow block scalars.
   */
  tabsAllowInBlocks?: boolean;
}

export function analyzeScalar(value: string, opts: AnalyzeOptions = {}): ScalarAnalysis {
  if (value.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  const cps = codePoints(value);
  const f: Flags = {
    flowInd: false,
    blockInd: false,
    special: false,
    tabs: false,
    lineBreaks: false,
    leadingSpace: false,
    leadingBreak: false,
    trailingSpace: false,
    trailingBreak: false,
    breakSpace: false,
    spaceBreak: false,
  };
  if (value.startsWith('---') || value.startsWith('...')) {
    f.blockInd = true;
    f.flowInd = true;
  }
  let preceded = true;
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    indicatorChecks(cps, i, f, preceded);
    if (c === 0x09 && opts.tabsAllowInBlocks) f.tabs = true;
    else if (!isPrintable(c)) f.special = true;
    const last = i === cps.length - 1;
    if (isSpace(c)) {
      if (i === 0) f.leadingSpace = true;
      if (last) f.trailingSpace = true;
      if (prevBreak) f.breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      f.lineBreaks = true;
      if (i === 0) f.leadingBreak = true;
      if (last) f.trailingBreak = true;
      if (prevSpace) f.spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    preceded = isBlankz(c);
  }
  const a: ScalarAnalysis = {
    multiline: f.lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (f.leadingSpace || f.leadingBreak || f.trailingSpace || f.trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (f.trailingSpace) a.blockAllowed = false;
  if (f.breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (f.spaceBreak || f.tabs || f.special) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (f.spaceBreak || f.special) a.blockAllowed = false;
  if (f.lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (f.flowInd) a.flowPlainAllowed = false;
  if (f.blockInd) a.blockPlainAllowed = false;
  return a;
}

/**
 * The parts of Go's strconv that sprig's conversions reach (golang/go:src/strconv/atoi.go,
 * atof.go): ParseInt with base prefixes and underscores, Atoi's clamping, and ParseFloat's
 * accepted syntax.
 */

export type ParseIntResult =
  { ok: true; value: bigint } | { ok: false; range: boolean; value: bigint };

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

/** Base-0 prefix handling of ParseUint: `0x`, `0o`, `0b`, a leading `0` is octal. */
function detectBase(s: string): { base: number; digits: string; prefixed: boolean } {
  if (s.length > 1 && s[0] === '0') {
    const p = (s[1] ?? '').toLowerCase();
    if (p === 'x') return { base: 16, digits: s.slice(2), prefixed: true };
    if (p === 'o') return { base: 8, digits: s.slice(2), prefixed: true };
    if (p === 'b') return { base: 2, digits: s.slice(2), prefixed: true };
    return { base: 8, digits: s.slice(1), prefixed: true };
  }
  return { base: 10, digits: s, prefixed: false };
}

/** underscoreOK from atoi.go: underscores only between digits, only with a base prefix. */
function underscoresOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const p = (s[1] ?? '').toLowerCase();
    if (p === 'b' || p === 'o' || p === 'x') {
      hex = p === 'x';
      i = 2;
      saw = '0';
    }
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseInt(s, base, 64). On a range error the value is clamped, as Go returns it. */
export function parseInt64(s0: string, base0: number): ParseIntResult {
  const fail: ParseIntResult = { ok: false, range: false, value: 0n };
  if (s0 === '') return fail;
  let s = s0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
    if (s === '') return fail;
  }
  let base = base0;
  let digits = s;
  const allowUnderscore = base0 === 0;
  if (base0 === 0) {
    const d = detectBase(s);
    base = d.base;
    digits = d.digits;
    if (d.prefixed && base !== 8 && digits === '') return fail;
  }
  let n = 0n;
  let sawUnderscore = false;
  for (const c of digits) {
    if (c === '_' && allowUnderscore) {
      sawUnderscore = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return fail;
    n = n * BigInt(base) + BigInt(d);
  }
  if (sawUnderscore && !underscoresOk(s0)) return fail;
  const v = neg ? -n : n;
  if (v > INT64_MAX) return { ok: false, range: true, value: INT64_MAX };
  if (v < INT64_MIN) return { ok: false, range: true, value: INT64_MIN };
  return { ok: true, value: v };
}

/**
 * strconv.ParseFloat(s, 64). Returns undefined on a syntax error and on a range error (Go
 * returns ±Inf with an error there; every sprig caller discards the value then).
 */
export function parseFloat64(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if ((special[2] as string).toLowerCase() === 'nan') return special[1] === '' ? NaN : undefined;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(s);
  if (hex) return parseHexFloat(s, hex);
  if (!/^[+-]?(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?$/.test(s)) {
    return undefined;
  }
  if (s.includes('_') && !underscoresOk(s)) return undefined;
  const v = Number(s.replace(/_/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

function parseHexFloat(s: string, m: RegExpExecArray): number | undefined {
  if (!underscoresOk(s.replace(/[pP].*$/, ''))) return undefined;
  const intPart = (m[2] ?? '').replace(/_/g, '');
  const frac = (m[3] ?? '').replace(/_/g, '');
  if (intPart === '' && frac === '') return undefined;
  const mant = BigInt('0x' + (intPart + frac || '0'));
  const exp = Number((m[4] as string).replace(/_/g, '')) - 4 * frac.length;
  const v = Number(mant) * Math.pow(2, exp);
  if (!Number.isFinite(v)) return undefined;
  return m[1] === '-' ? -v : v;
}

/** strconv.Atoi: base 10, no prefixes or underscores; a range error yields the clamped value. */
export function atoi(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const r = parseInt64(s, 10);
  return r.value;
}

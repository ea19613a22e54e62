/**
 * Plain-scalar resolution exactly as go-yaml v2 (`resolve.go`): YAML 1.1 booleans
 * (`y/yes/on/...`), nulls, Go `strconv.ParseInt(s, 0, 64)` integers (hex, octal `012`/`0o12`,
 * binary, underscores removed, sign), `yamlStyleFloat` floats, `.inf`/`.nan`, timestamps
 * (kept as strings by the decoder). `<<` resolves to a string: its first byte has no hint in
 * go-yaml's resolveTable, so the merge key is recognised by the decoder (isMerge), not here.
 */

export type ResolvedTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp';

export type Resolved =
  | { tag: 'str' | 'timestamp'; value: string }
  | { tag: 'bool'; value: boolean }
  | { tag: 'null'; value: null }
  /** int64 / uint64 range integers, exact. */
  | { tag: 'int'; value: bigint }
  | { tag: 'float'; value: number };

const MAP = new Map<string, Resolved>();
function add(words: string[], r: Resolved): void {
  for (const w of words) MAP.set(w, r);
}
add(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'], {
  tag: 'bool',
  value: true,
});
add(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'], {
  tag: 'bool',
  value: false,
});
add(['', '~', 'null', 'Null', 'NULL'], { tag: 'null', value: null });
add(['.nan', '.NaN', '.NAN'], { tag: 'float', value: NaN });
add(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'], { tag: 'float', value: Infinity });
add(['-.inf', '-.Inf', '-.INF'], { tag: 'float', value: -Infinity });

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt/ParseUint with base 0 (prefixes 0x, 0o, 0b, leading-0 octal). */
function parseGoInt(s: string, unsigned: boolean): bigint | undefined {
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (unsigned) return undefined;
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(body)) {
    prefix = '0x';
    body = body.slice(2);
    digits = /^[0-9a-fA-F]+$/;
  } else if (/^0[bB]/.test(body)) {
    prefix = '0b';
    body = body.slice(2);
    digits = /^[01]+$/;
  } else if (/^0[oO]/.test(body)) {
    prefix = '0o';
    body = body.slice(2);
    digits = /^[0-7]+$/;
  } else if (body.length > 1 && body[0] === '0') {
    prefix = '0o';
    body = body.slice(1);
    digits = /^[0-7]+$/;
  } else {
    digits = /^[0-9]+$/;
  }
  if (!digits.test(body)) return undefined;
  let v = BigInt(prefix + body);
  if (neg) v = -v;
  if (unsigned) return v <= UINT64_MAX ? v : undefined;
  return v >= INT64_MIN && v <= INT64_MAX ? v : undefined;
}

/**
 * Go's strconv.ParseFloat for the decimal texts go-yaml hands it; out-of-range values are an
 * error in Go (ErrRange), which leaves the scalar a string.
 */
function parseDecimalFloat(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TS_FULL =
  /^(\d{4})-(\d{1,2})-(\d{1,2})([Tt]|[ ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * go-yaml's parseTimestamp: time.Parse with the layouts `2006-1-2T15:4:5.999999999Z07:00`,
 * its lowercase-`t` twin, `2006-1-2 15:4:5.999999999` (no zone) and `2006-1-2`.
 */
export function isTimestamp(s: string): boolean {
  const m = TS_DATE.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const f = TS_FULL.exec(s);
  if (!f) return false;
  const sep = f[4];
  const zone = f[9];
  if (sep === ' ' && zone !== undefined) return false;
  if (sep !== ' ' && zone === undefined) return false;
  if (zone !== undefined && zone !== 'Z') {
    const [hh, mm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (hh > 23 || mm > 59) return false;
  }
  const [h, mi, se] = [Number(f[5]), Number(f[6]), Number(f[7])];
  if (h > 23 || mi > 59 || se > 59) return false;
  return validDate(Number(f[1]), Number(f[2]), Number(f[3]));
}

/** Resolve an untagged plain scalar (go-yaml v2 `resolve("", in)`). */
export function resolvePlain(input: string): Resolved {
  const first = input.charCodeAt(0);
  const c = input === '' ? 'N' : input[0]!;
  const isDigit = first >= 48 && first <= 57;
  const hinted =
    input === '' || isDigit || c === '+' || c === '-' || c === '.' || 'yYnNtTfFoO~'.includes(c);
  if (!hinted) return { tag: 'str', value: input };
  const hit = MAP.get(input);
  if (hit) return hit;
  if (c === '.') {
    // strconv.ParseFloat accepts ".5", ".5e3" but not ".inf" spellings outside the map.
    const f = /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(input) ? parseDecimalFloat(input) : undefined;
    return f === undefined ? { tag: 'str', value: input } : { tag: 'float', value: f };
  }
  if (!(isDigit || c === '+' || c === '-')) return { tag: 'str', value: input };
  if (isTimestamp(input)) return { tag: 'timestamp', value: input };
  const plain = input.replace(/_/g, '');
  const i = parseGoInt(plain, false) ?? parseGoInt(plain, true);
  if (i !== undefined) return { tag: 'int', value: i };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseDecimalFloat(plain);
    if (f !== undefined) return { tag: 'float', value: f };
  }
  if (plain.startsWith('0b') || plain.startsWith('-0b')) {
    const neg = plain.startsWith('-');
    const body = plain.slice(neg ? 3 : 2);
    if (/^[01]+$/.test(body)) {
      const v = neg ? -BigInt('0b' + body) : BigInt('0b' + body);
      if (v >= INT64_MIN && v <= UINT64_MAX) return { tag: 'int', value: v };
    }
  }
  return { tag: 'str', value: input };
}

/** True when a string written plain would read back as something other than itself. */
export function needsQuotes(s: string): boolean {
  return resolvePlain(s).tag !== 'str' || isBase60Float(s);
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml encode.go isBase60Float: YAML 1.1 sexagesimal numbers are quoted on output. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0]!;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/**
 * go-yaml's map key order (`sorter.go` keyList.Less) for string keys: a "natural" order in
 * which runs of digits compare numerically and letters sort before other characters. v3 adds
 * a `digits` flag so that after a shared digit prefix, digits sort before letters.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(cp: number): boolean {
  return LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  return DIGIT.test(String.fromCodePoint(cp));
}

/** int64 arithmetic for the digit runs (Go wraps on overflow). */
function digitRun(r: number[], start: number): { end: number; n: bigint } {
  let n = 0n;
  let i = start;
  for (; i < r.length && isDigit(r[i]!); i++) n = BigInt.asIntN(64, n * 10n + BigInt(r[i]! - 48));
  return { end: i, n };
}

/** Whether every code unit of `s` is ASCII. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * {@link keyLessGeneral} for two ASCII keys, the usual case (issue 10: sorting each map's keys
 * for toYaml built two arrays of code points per comparison): the first difference decides
 * unless it is between two non-letters, which the general comparison settles.
 */
function keyLessAscii(a: string, b: string, v3: boolean): boolean {
  let digits = false;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ac = a.charCodeAt(i);
    const bc = b.charCodeAt(i);
    if (ac === bc) {
      digits = isAsciiDigit(ac);
      continue;
    }
    const al = isAsciiLetter(ac);
    const bl = isAsciiLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return v3 && digits ? al : bl;
    return keyLessGeneral(a, b, v3);
  }
  return a.length < b.length;
}

/** go-yaml's keyList.Less for two string keys. */
export function keyLess(a: string, b: string, v3: boolean): boolean {
  return isAscii(a) && isAscii(b) ? keyLessAscii(a, b, v3) : keyLessGeneral(a, b, v3);
}

/** keyList.Less over code points (any keys). Exported for the tests. */
export function keyLessGeneral(a: string, b: string, v3: boolean): boolean {
  const ar = Array.from(a, (c) => c.codePointAt(0)!);
  const br = Array.from(b, (c) => c.codePointAt(0)!);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return v3 && digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ac === 48 || bc === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    const ra = digitRun(ar, i);
    const rb = digitRun(br, i);
    // The run continues from the 0/1 seed exactly as Go's loop does.
    an = an === 0n ? ra.n : seeded(ar, i, ra.end);
    bn = bn === 0n ? rb.n : seeded(br, i, rb.end);
    if (an !== bn) return an < bn;
    if (ra.end !== rb.end) return ra.end < rb.end;
    return ac < bc;
  }
  return ar.length < br.length;
}

function seeded(r: number[], start: number, end: number): bigint {
  let n = 1n;
  for (let i = start; i < end; i++) n = BigInt.asIntN(64, n * 10n + BigInt(r[i]! - 48));
  return n;
}

/** Sort string keys as go-yaml v2 (`v3: false`, toYaml) or v3 (toYamlPretty) would. */
export function sortKeys(keys: string[], opts: { v3: boolean }): string[] {
  return keys.sort((a, b) => (keyLess(a, b, opts.v3) ? -1 : keyLess(b, a, opts.v3) ? 1 : 0));
}

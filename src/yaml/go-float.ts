/**
 * Go's float formatting as the YAML pipeline meets it:
 * - `strconv.FormatFloat(f, 'g', -1, 64|32)` (go-yaml's encoder `floatv`, sigs.k8s.io/yaml's
 *   float map keys with bitSize 32),
 * - encoding/json's float encoder (`floatEncoder.encode` in encoding/json/encode.go), which
 *   sigs.k8s.io/yaml.Marshal runs before re-reading the JSON with go-yaml: gojson's `jsonFloat`,
 *   re-exported here.
 */
export { jsonFloat } from '../gojson/tree.js';

/** Shortest decimal digits and decimal-point position of |f| (strconv's `decimalSlice`). */
interface Digits {
  digits: string;
  /** Position of the decimal point: value = 0.digits × 10^dp. */
  dp: number;
}

function shortestDigits(f: number, bits: 32 | 64): Digits {
  const a = Math.abs(f);
  if (a === 0) return { digits: '0', dp: 1 };
  let exp: string;
  if (bits === 64) {
    exp = a.toExponential();
  } else {
    const target = Math.fround(a);
    exp = target.toExponential(8);
    for (let p = 0; p <= 8; p++) {
      const candidate = target.toExponential(p);
      if (Math.fround(Number(candidate)) === target) {
        exp = candidate;
        break;
      }
    }
  }
  const [mant, e] = exp.split('e') as [string, string];
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, dp: Number(e) + 1 };
}

function fmtE(neg: boolean, d: Digits): string {
  let s = neg ? '-' : '';
  s += d.digits[0];
  if (d.digits.length > 1) s += '.' + d.digits.slice(1);
  const exp = d.digits === '0' ? 0 : d.dp - 1;
  const ae = Math.abs(exp);
  s += 'e' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  return s;
}

function fmtF(neg: boolean, d: Digits): string {
  let s = neg ? '-' : '';
  if (d.dp <= 0) {
    s += '0.' + '0'.repeat(-d.dp) + d.digits;
  } else if (d.dp >= d.digits.length) {
    s += d.digits + '0'.repeat(d.dp - d.digits.length);
  } else {
    s += d.digits.slice(0, d.dp) + '.' + d.digits.slice(d.dp);
  }
  return s;
}

/** strconv.FormatFloat(f, 'g', -1, bits): `1e+06`, `0.0001`, `1e-05`, `+Inf`, `NaN`. */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  // float32(f) overflows to ±Inf before formatting.
  if (bits === 32 && !Number.isFinite(Math.fround(f))) return neg ? '-Inf' : '+Inf';
  const d = shortestDigits(f, bits);
  const exp = d.dp - 1;
  // With shortest formatting %g switches to %e for exponents < -4 or >= 6 (strconv/ftoa.go).
  if (exp < -4 || exp >= 6) return fmtE(neg, d);
  return fmtF(neg, d);
}

/**
 * Go's strconv as hookline needs it (number formatting for fmt, encoding/json, TOML and sprig;
 * parsing for the template parser, TOML and sprig/cast conversions; quoting for %q; the
 * parser's Unquote/UnquoteChar are in parse-strconv.ts). Implementation split by concept:
 * strconv-float.ts (FormatFloat), strconv-decimal.ts (digit strings), strconv-parse.ts
 * (ParseInt/ParseUint/Atoi), strconv-atof.ts (ParseFloat), strconv-quote.ts
 * (Quote/Unquote/IsPrint), strconv-errors.ts.
 */
import { NumError } from './strconv-errors.js';

export { formatFloat } from './strconv-float.js';
export type { FloatFormat } from './strconv-float.js';
export { parseInt64, parseUint, atoi, underscoreOK } from './strconv-parse.js';
export { parseFloat64 } from './strconv-atof.js';
export {
  quote,
  quoteToASCII,
  quoteRune,
  quoteRuneToASCII,
  quoteBytes,
  canBackquote,
  isPrint,
  unquote,
} from './strconv-quote.js';
export { NumError, ERR_RANGE, ERR_SYNTAX } from './strconv-errors.js';

/** strconv.FormatInt / FormatUint: `v` in base 2..36 with lower-case digits. */
export function formatInt(v: bigint | number, base = 10): string {
  if (base < 2 || base > 36) throw new RangeError('strconv: illegal AppendInt/FormatInt base');
  return (typeof v === 'bigint' ? v : BigInt(Math.trunc(v))).toString(base);
}

/** strconv.FormatBool. */
export function formatBool(b: boolean): string {
  return b ? 'true' : 'false';
}

/**
 * The result of a strconv parse, or undefined where Go returns an error (a NumError), for
 * callers that only ask whether the text parsed (`if v, err := …; err == nil`).
 */
export function parseOrUndefined<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (e instanceof NumError) return undefined;
    throw e;
  }
}

/**
 * go-yaml v2's reader (readerc.go yaml_parser_update_buffer): the input must be valid UTF-8
 * holding only printable characters, else Unmarshal fails with the reader's problem and no
 * line (`yaml: invalid leading UTF-8 octet`; sigs.k8s.io/yaml prefixes `error converting YAML
 * to JSON: `). hookline strings hold bytes that are not UTF-8 as U+DC80..U+DCFF (see
 * util/go-bytes.ts), so the check runs on the bytes those strings stand for.
 *
 * go-yaml decodes its input in 512-byte chunks as the scanner asks for more; checking the whole
 * input up front means a bad byte after an earlier syntax error (in a later chunk) is reported
 * instead of that syntax error. A UTF-16 byte order mark (which makes go-yaml read UTF-16) is
 * not recognised: such input is checked as UTF-8.
 */
import { goStringBytes, hasEscapedBytes } from '../util/go-bytes.js';

/** Characters the reader refuses (outside its printable set), as UTF-16 code units. */
// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** The reader's printable set: tab, LF, CR, ASCII text, NEL and the non-special planes. */
function printable(r: number): boolean {
  return (
    r === 0x09 ||
    r === 0x0a ||
    r === 0x0d ||
    (r >= 0x20 && r <= 0x7e) ||
    r === 0x85 ||
    (r >= 0xa0 && r <= 0xd7ff) ||
    (r >= 0xe000 && r <= 0xfffd) ||
    (r >= 0x10000 && r <= 0x10ffff)
  );
}

function sequenceWidth(octet: number): number {
  if ((octet & 0x80) === 0) return 1;
  if ((octet & 0xe0) === 0xc0) return 2;
  if ((octet & 0xf0) === 0xe0) return 3;
  if ((octet & 0xf8) === 0xf0) return 4;
  return 0;
}

const MIN_VALUE = [0, 0, 0x80, 0x800, 0x10000];

/** The problem of one UTF-8 sequence at `i`, or its width and value. */
function decodeAt(b: Uint8Array, i: number): string | { width: number; value: number } {
  const octet = b[i] as number;
  const width = sequenceWidth(octet);
  if (width === 0) return 'invalid leading UTF-8 octet';
  if (width > b.length - i) return 'incomplete UTF-8 octet sequence';
  let value = width === 1 ? octet : octet & (0xff >> (width + 1));
  for (let k = 1; k < width; k++) {
    const trail = b[i + k] as number;
    if ((trail & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
    value = (value << 6) + (trail & 0x3f);
  }
  if (width > 1 && value < (MIN_VALUE[width] as number))
    return 'invalid length of a UTF-8 sequence';
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return 'invalid Unicode character';
  return { width, value };
}

/** The reader's problem with `text` (`invalid leading UTF-8 octet` …), if it has one. */
export function readerProblem(text: string): string | undefined {
  if (!hasEscapedBytes(text) && !NOT_PRINTABLE.test(text)) return undefined;
  const b = goStringBytes(text);
  for (let i = 0; i < b.length;) {
    const r = decodeAt(b, i);
    if (typeof r === 'string') return r;
    if (!printable(r.value)) return 'control characters are not allowed';
    i += r.width;
  }
  return undefined;
}

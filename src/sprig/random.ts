/**
 * Sprig's random functions (Masterminds/sprig v3.2.3 strings.go, crypto.go, functions.go):
 * randAlphaNum/randAlpha/randAscii/randNumeric use goutils' CryptoRandom* alphabets
 * (Masterminds/goutils cryptorandomstringutils.go: letters/digits from ' '..'z', and for
 * randAscii the code points 32..126), randInt is math/rand Intn(max-min)+min, randBytes is
 * base64 of crypto/rand bytes, uuidv4 is google/uuid New, shuffle is huandu/xstrings Shuffle.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { GoFuncValue } from '../gotemplate/values.js';
import { GoInt } from '../gotemplate/values.js';

const range = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join('');

const DIGITS = range(0x30, 0x39);
const LETTERS = range(0x41, 0x5a) + range(0x61, 0x7a);

/** The characters each function draws from, uniformly. */
export const ALPHABETS = {
  randAlphaNum: LETTERS + DIGITS,
  randAlpha: LETTERS,
  randNumeric: DIGITS,
  randAscii: range(32, 126),
} as const;

/** goutils CryptoRandom: "" for count 0, and for a negative count (the error is ignored). */
function randomString(alphabet: string, count: GoInt): string {
  const n = count.toNumber();
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** xstrings.Shuffle: Fisher-Yates over runes. */
function shuffle(str: string): string {
  const runes = [...str];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.join('');
}

function randInt(min: GoInt, max: GoInt): GoInt {
  const n = max.value - min.value;
  if (n <= 0n) throw new FuncError('invalid argument to Intn');
  const r = n <= BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(randomInt(Number(n))) : randomBigBelow(n);
  return new GoInt(r + min.value, 'int');
}

function randomBigBelow(n: bigint): bigint {
  for (;;) {
    const v = BigInt.asUintN(64, randomBytes(8).readBigUInt64BE());
    if (v < (1n << 64n) - ((1n << 64n) % n)) return v % n;
  }
}

function randBytes(count: GoInt): string {
  const n = count.toNumber();
  if (n < 0) throw new FuncError('runtime error: makeslice: len out of range');
  return randomBytes(n).toString('base64');
}

const intParam = { params: ['int'] } as const;

export const randomFuncs: GoFuncValue[] = [
  fn('randAlphaNum', intParam, (c: GoInt) => randomString(ALPHABETS.randAlphaNum, c)),
  fn('randAlpha', intParam, (c: GoInt) => randomString(ALPHABETS.randAlpha, c)),
  fn('randAscii', intParam, (c: GoInt) => randomString(ALPHABETS.randAscii, c)),
  fn('randNumeric', intParam, (c: GoInt) => randomString(ALPHABETS.randNumeric, c)),
  fn('randInt', { params: ['int', 'int'] }, randInt),
  fn('randBytes', { params: ['int'], returnsError: true }, randBytes),
  fn('uuidv4', { params: [] }, () => randomUUID()),
  fn('shuffle', { params: ['string'] }, shuffle),
];

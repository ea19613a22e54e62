/**
 * Masterminds/semver v3.2.0 `Version` (the version sprig 3.2.3 / Helm 3.11 build with):
 * StrictNewVersion, NewVersion (coercing `v1`, `1.2`, leading zeros), Compare and String.
 * Mirrors Masterminds/semver:version.go. Numbers are uint64, held as bigint.
 */

/** An error with the Go error text of the semver package. */
export class SemverError extends Error {}

export const ErrInvalidSemVer = 'Invalid Semantic Version';
export const ErrEmptyString = 'Version string empty';
export const ErrInvalidCharacters = 'Invalid characters in version';
export const ErrSegmentStartsZero = 'Version segment starts with 0';
export const ErrInvalidMetadata = 'Invalid Metadata string';
export const ErrInvalidPrerelease = 'Invalid Prerelease string';

/** semVerRegex, anchored (NewVersion's versionRegex). */
export const SEMVER_PATTERN =
  'v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const versionRegex = new RegExp(`^${SEMVER_PATTERN}$`);

const NUM = /^[0-9]*$/;
const ALLOWED = /^[0-9A-Za-z-]*$/;
const MAX_UINT64 = (1n << 64n) - 1n;

export class Version {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
  ) {}

  /** Version.String: `MAJOR.MINOR.PATCH[-PRE][+META]`, without a leading v. */
  toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre !== '') s += `-${this.pre}`;
    if (this.metadata !== '') s += `+${this.metadata}`;
    return s;
  }

  /** -1, 0 or 1; metadata is ignored, a prerelease sorts before its release. */
  compare(o: Version): number {
    const d = cmp(this.major, o.major) || cmp(this.minor, o.minor) || cmp(this.patch, o.patch);
    if (d !== 0) return d;
    if (this.pre === '' && o.pre === '') return 0;
    if (this.pre === '') return 1;
    if (o.pre === '') return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  lessThan(o: Version): boolean {
    return this.compare(o) < 0;
  }

  equal(o: Version): boolean {
    return this.compare(o) === 0;
  }
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function parseUint(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v > MAX_UINT64 ? undefined : v;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const oi = parseUint(o);
  const si = parseUint(s);
  if (oi === undefined && si === undefined) return s > o ? 1 : -1;
  if (oi === undefined) return -1;
  if (si === undefined) return 1;
  return si > oi ? 1 : -1;
}

export function comparePrerelease(v: string, o: string): number {
  const sp = v.split('.');
  const op = o.split('.');
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new SemverError(ErrSegmentStartsZero);
    } else if (!ALLOWED.test(part)) {
      throw new SemverError(ErrInvalidPrerelease);
    }
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) {
    if (!ALLOWED.test(part)) throw new SemverError(ErrInvalidMetadata);
  }
}

function validateExtras(pre: string, metadata: string): void {
  if (pre !== '') validatePrerelease(pre);
  if (metadata !== '') validateMetadata(metadata);
}

/** StrictNewVersion: exactly `X.Y.Z[-pre][+meta]`, no leading zeros, no `v`. */
export function strictNewVersion(v: string): Version {
  if (v.length === 0) throw new SemverError(ErrEmptyString);
  const parts = splitN(v, '.', 3);
  if (parts.length !== 3) throw new SemverError(ErrInvalidSemVer);
  let pre = '';
  let metadata = '';
  if (/[-+]/.test(parts[2])) {
    const plus = splitN(parts[2], '+', 2);
    if (plus.length > 1) {
      metadata = plus[1];
      parts[2] = plus[0];
    }
    const dash = splitN(parts[2], '-', 2);
    if (dash.length > 1) {
      pre = dash[1];
      parts[2] = dash[0];
    }
  }
  for (const p of parts) {
    if (!NUM.test(p)) throw new SemverError(ErrInvalidCharacters);
    if (p.length > 1 && p[0] === '0') throw new SemverError(ErrSegmentStartsZero);
  }
  const nums = parts.map((p) => {
    const n = parseUint(p);
    if (n === undefined)
      throw new SemverError(`strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`);
    return n;
  });
  validateExtras(pre, metadata);
  return new Version(nums[0], nums[1], nums[2], pre, metadata, v);
}

/** NewVersion: the coercing parser (`v` prefix, missing minor/patch, leading zeros allowed). */
export function newVersion(v: string): Version {
  const m = versionRegex.exec(v);
  if (!m) throw new SemverError(ErrInvalidSemVer);
  const seg = (s: string | undefined): bigint => {
    if (s === undefined || s === '') return 0n;
    const n = parseUint(s.replace(/^\./, ''));
    if (n === undefined) {
      throw new SemverError(
        `Error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(s.replace(/^\./, ''))}: value out of range`,
      );
    }
    return n;
  };
  const sv = new Version(seg(m[1]), seg(m[2]), seg(m[3]), m[5] ?? '', m[8] ?? '', v);
  validateExtras(sv.pre, sv.metadata);
  return sv;
}

/** strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

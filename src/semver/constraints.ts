/**
 * Masterminds/semver v3.2.0 constraints (constraints.go): `=`, `!=`, `>`, `<`, `>=`, `<=`
 * (and `=>`, `=<`), `~`/`~>`, `^`, x-ranges (`1.x`, `*`), hyphen ranges `1 - 2`, AND by space
 * or comma, OR by `||`. A version with a prerelease only satisfies a comparison whose version
 * has a prerelease too (so `>=1.19-0` admits `1.20.0-rc.1`; npm semver behaves differently).
 */
import type { Version } from './version.js';
import { SemverError, comparePrerelease, newVersion } from './version.js';

const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
// Go's \s is ASCII whitespace only.
const S = '[\\t\\n\\f\\r ]';

const constraintRegex = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const constraintRangeRegex = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const findConstraintRegex = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
const validConstraintRegex = new RegExp(
  `^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`,
);

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Constraint {
  readonly con: Version;
  readonly orig: string;
  readonly op: Op;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  readonly dirty: boolean;
}

const isX = (x: string): boolean => x === 'x' || x === '*' || x === 'X';

function parseConstraint(c: string): Constraint {
  if (c.length === 0) {
    return {
      con: newVersion('0.0.0'),
      orig: c,
      op: '',
      minorDirty: false,
      patchDirty: false,
      dirty: true,
    };
  }
  const m = constraintRegex.exec(c);
  if (!m) throw new SemverError(`improper constraint: ${c}`);
  const [major, minor = '', patch = '', pre = ''] = [m[3], m[4], m[5], m[6]];
  let ver = m[2];
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(major)) {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    minorDirty = true;
    dirty = true;
    ver = `${major}.0.0${pre}`;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    dirty = true;
    patchDirty = true;
    ver = `${major}${minor}.0${pre}`;
  }
  let con: Version;
  try {
    con = newVersion(ver);
  } catch {
    throw new SemverError('constraint Parser Error');
  }
  return { con, orig: m[2], op: m[1] as Op, minorDirty, patchDirty, dirty };
}

/** A prerelease version only matches constraints that mention a prerelease (issue 21). */
const preExcluded = (v: Version, c: Constraint): boolean => v.pre !== '' && c.con.pre === '';

function notEqual(v: Version, c: Constraint): boolean {
  if (c.dirty) {
    if (preExcluded(v, c)) return false;
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
      return false;
    }
  }
  return !v.equal(c.con);
}

function greaterThan(v: Version, c: Constraint): boolean {
  if (preExcluded(v, c)) return false;
  if (!c.dirty) return v.compare(c.con) === 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major) return false;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return v.compare(c.con) === 1;
}

function lessThanEqual(v: Version, c: Constraint): boolean {
  if (preExcluded(v, c)) return false;
  if (!c.dirty) return v.compare(c.con) <= 0;
  if (v.major > c.con.major) return false;
  if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
  return true;
}

function tilde(v: Version, c: Constraint): boolean {
  if (preExcluded(v, c)) return false;
  if (v.lessThan(c.con)) return false;
  const con = c.con;
  // ~0.0.0 accepts everything (>=0.0.0).
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== con.major) return false;
  if (v.minor !== con.minor && !c.minorDirty) return false;
  return true;
}

function tildeOrEqual(v: Version, c: Constraint): boolean {
  if (preExcluded(v, c)) return false;
  if (c.dirty) return tilde(v, c);
  return v.equal(c.con);
}

function caret(v: Version, c: Constraint): boolean {
  if (preExcluded(v, c)) return false;
  if (v.lessThan(c.con)) return false;
  const con = c.con;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (con.major === 0n && v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (con.minor === 0n && v.minor > 0n) return false;
  return con.patch === v.patch;
}

const CHECKS: Record<Op, (v: Version, c: Constraint) => boolean> = {
  '': tildeOrEqual,
  '=': tildeOrEqual,
  '!=': notEqual,
  '>': greaterThan,
  '<': (v, c) => !preExcluded(v, c) && v.compare(c.con) < 0,
  '>=': (v, c) => !preExcluded(v, c) && v.compare(c.con) >= 0,
  '=>': (v, c) => !preExcluded(v, c) && v.compare(c.con) >= 0,
  '<=': lessThanEqual,
  '=<': lessThanEqual,
  '~': tilde,
  '~>': tilde,
  '^': caret,
};

/** rewriteRange: `A - B` becomes `>= A, <= B`. */
export function rewriteRange(i: string): string {
  let o = i;
  for (const m of i.matchAll(constraintRangeRegex)) {
    o = o.replace(m[0], `>= ${m[1]}, <= ${m[11]}`);
  }
  return o;
}

/** Parsed constraints: OR groups of AND-ed constraints (NewConstraint). */
export class Constraints {
  private constructor(private readonly groups: Constraint[][]) {}

  /** NewConstraint. Throws SemverError (`improper constraint: …`). */
  static parse(text: string): Constraints {
    const groups = rewriteRange(text)
      .split('||')
      .map((v) => {
        if (!validConstraintRegex.test(v)) throw new SemverError(`improper constraint: ${v}`);
        const found = [...v.matchAll(findConstraintRegex)].map((m) => m[0]);
        return (found.length > 0 ? found : [v]).map(parseConstraint);
      });
    return new Constraints(groups);
  }

  /** Check: true when every constraint of some OR group admits the version. */
  check(v: Version): boolean {
    return this.groups.some((group) => group.every((c) => CHECKS[c.op](v, c)));
  }

  /** Number of OR groups and of constraints in the first group (for tests). */
  shape(): [number, number] {
    return [this.groups.length, this.groups[0]?.length ?? 0];
  }
}

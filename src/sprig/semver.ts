/**
 * Sprig's `semver` and `semverCompare` (Masterminds/sprig v3.2.3 semver.go) over the
 * Masterminds/semver v3 port in src/semver. `semver` returns a *semver.Version whose methods
 * templates call: `(semver "1.2.3").Major`.
 */
import type { FuncSignature } from '../gotemplate/functions.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { GoFuncValue, GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { GoInt, GoStruct } from '../gotemplate/values.js';
import type { Version } from '../semver/index.js';
import { Constraints, SemverError, newVersion } from '../semver/index.js';

/** *semver.Version as a template value (no exported fields; methods only). */
export class SemverVersion extends GoStruct {
  readonly fieldNames: readonly string[] = [];
  private typeInfo: GoTypeInfo | undefined;

  constructor(readonly version: Version) {
    super();
  }

  get goType(): GoTypeInfo {
    this.typeInfo ??= {
      name: '*semver.Version',
      kind: 'ptr',
      methods: versionMethods(this.version),
    };
    return this.typeInfo;
  }

  field(): GoValue {
    return null;
  }

  /** Version.String, used by fmt's Stringer handling. */
  goString(): string {
    return this.version.toString();
  }

  /** Version.MarshalJSON's value (gojson's GoJsonMarshaler). */
  toGoJson(): GoValue {
    return this.version.toString();
  }

  /** Version.MarshalJSON: the JSON text. */
  marshalJSON(): string {
    return JSON.stringify(this.toGoJson());
  }
}

const sig = (
  params: FuncSignature['params'],
  structTypes?: Record<number, string>,
): FuncSignature => ({
  params,
  structTypes,
});

function versionMethods(v: Version): Record<string, GoFuncValue> {
  const u64 = (n: bigint): GoInt => new GoInt(n, 'uint64');
  const other = sig(['value'], { 0: '*semver.Version' });
  const methods = [
    fn('Major', sig([]), () => u64(v.major)),
    fn('Minor', sig([]), () => u64(v.minor)),
    fn('Patch', sig([]), () => u64(v.patch)),
    fn('Prerelease', sig([]), () => v.pre),
    fn('Metadata', sig([]), () => v.metadata),
    fn('Original', sig([]), () => v.original),
    fn('String', sig([]), () => v.toString()),
    fn('Compare', other, (o: SemverVersion) => new GoInt(v.compare(o.version), 'int')),
    fn('LessThan', other, (o: SemverVersion) => v.compare(o.version) < 0),
    fn('GreaterThan', other, (o: SemverVersion) => v.compare(o.version) > 0),
    fn('Equal', other, (o: SemverVersion) => v.compare(o.version) === 0),
  ];
  return Object.fromEntries(methods.map((m) => [m.name, m]));
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemverError) throw new FuncError(e.message);
    throw e;
  }
}

export const semverFuncs: GoFuncValue[] = [
  fn('semver', { params: ['string'], returnsError: true }, (version: string) =>
    wrap(() => new SemverVersion(newVersion(version))),
  ),
  fn(
    'semverCompare',
    { params: ['string', 'string'], returnsError: true },
    (constraint: string, version: string) => {
      // A pure function of its two strings, called with the same few pairs for every resource
      // of a chart (`semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version`).
      const key = `${constraint}\u0000${version}`;
      const known = COMPARED.get(key);
      if (known !== undefined) return known;
      const result = semverCompare(constraint, version);
      if (COMPARED.size >= MAX_COMPARED) COMPARED.clear();
      COMPARED.set(key, result);
      return result;
    },
  ),
];

/** sprig `semverCompare` without the cache; throws FuncError. */
export function semverCompare(constraint: string, version: string): boolean {
  return wrap(() => Constraints.parse(constraint).check(newVersion(version)));
}

/** Results of semverCompare by `constraint NUL version` (errors are not kept). */
const COMPARED = new Map<string, boolean>();
const MAX_COMPARED = 1000;

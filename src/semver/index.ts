/** A port of Masterminds/semver v3.2.0 (versions and constraints), as sprig 3.2.3 uses it. */
export { Constraints, rewriteRange } from './constraints.js';
export { SemverError, Version, newVersion, strictNewVersion } from './version.js';

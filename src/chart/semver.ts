/**
 * The two semver checks Helm's chart code makes, over the project's Masterminds/semver port:
 * Chart.yaml version validity (metadata.go isValidSemver) and dependency version matching
 * (chartutil/compatible.go IsCompatibleRange: false on any parse error).
 */
import { Constraints, newVersion } from '../semver/index.js';

export function isValidSemver(v: string): boolean {
  try {
    newVersion(v);
    return true;
  } catch {
    return false;
  }
}

export function isCompatibleRange(constraint: string, version: string): boolean {
  try {
    return Constraints.parse(constraint).check(newVersion(version));
  } catch {
    return false;
  }
}

/**
 * Which tag a `--version` selects (helm pkg/registry/tag.go GetTagMatchingVersionOrConstraint
 * and client.go Tags / ValidateReference). Pure.
 */
import { Constraints, newVersion, strictNewVersion, type Version } from '../semver/index.js';

/** No tag satisfies the version or constraint; `available` lists the semver tags that exist. */
export class NoMatchingTagError extends Error {
  constructor(
    readonly repository: string,
    readonly version: string,
    readonly available: readonly string[],
  ) {
    super(
      available.length === 0
        ? `unable to locate any tags in provided repository: ${repository}`
        : `could not locate a version matching provided version string ${version} in ${repository} (available: ${available.join(', ')})`,
    );
    this.name = 'NoMatchingTagError';
  }
}

/**
 * Client.Tags: the tags that are strict semver once `_` is read as `+`, newest first, written
 * as Version.String() (so `1.0.0_build` comes back as `1.0.0+build`).
 */
export function semverTags(tags: readonly string[]): string[] {
  const versions: Version[] = [];
  for (const t of tags) {
    try {
      versions.push(strictNewVersion(t.replaceAll('_', '+')));
    } catch {
      // not a chart version: ignored, as Helm does
    }
  }
  versions.sort((a, b) => b.compare(a));
  return versions.map((v) => v.toString());
}

/** GetTagMatchingVersionOrConstraint over tags already sorted newest first. */
export function tagMatchingVersionOrConstraint(
  tags: readonly string[],
  version: string,
  repository: string,
): string {
  let constraint: Constraints;
  if (version === '') constraint = Constraints.parse('*');
  else {
    if (tags.includes(version)) return version;
    constraint = Constraints.parse(version);
  }
  for (const t of tags) {
    let v: Version;
    try {
      v = newVersion(t);
    } catch {
      continue;
    }
    if (constraint.check(v)) return t;
  }
  throw new NoMatchingTagError(repository, version, tags);
}

/** ValidateReference: a version that parses as semver is used as the tag without listing tags. */
export function isExactVersion(version: string): boolean {
  if (version === '') return false;
  try {
    newVersion(version);
    return true;
  } catch {
    return false;
  }
}

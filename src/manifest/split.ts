/**
 * Splitting a rendered file into YAML documents (helm/helm pkg/releaseutil/manifest.go
 * `SplitManifests`, MP-2): trim the whole text, split on a line starting with `---` (and the
 * whitespace around it), drop empty pieces, trim each piece.
 */
import { RE2_SPACE, goTrimSpace } from '../util/go-strings.js';

const SEPARATOR = new RegExp(`(?:^|${RE2_SPACE}*\\n)---${RE2_SPACE}*`);

/** The documents of a rendered file, in file order. */
export function splitManifests(bigFile: string): string[] {
  const docs: string[] = [];
  for (const d of goTrimSpace(bigFile).split(SEPARATOR)) {
    // Helm tests for "" before trimming, so a whitespace-only piece survives as "".
    if (d === '') continue;
    docs.push(goTrimSpace(d));
  }
  return docs;
}

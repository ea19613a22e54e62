/**
 * OCI references as Helm parses them (helm pkg/registry/reference.go newReference over oras-go's
 * registry.ParseReference): `oci://REGISTRY/REPOSITORY[:TAG][@sha256:DIGEST]`. A `+` in a tag is
 * stored as `_`, because `+` is not a valid tag character (helm/helm#10166). Pure.
 */

export const OCI_SCHEME = 'oci';

/** A reference that is not `registry/repository[:tag][@digest]`. */
export class OciReferenceError extends Error {
  constructor(
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`invalid reference: ${reason}: ${JSON.stringify(reference)}`);
    this.name = 'OciReferenceError';
  }
}

export interface OciReference {
  /** host[:port] */
  readonly registry: string;
  /** path inside the registry, e.g. `charts/nginx` */
  readonly repository: string;
  /** the tag, with `+` already turned into `_`; '' when absent */
  readonly tag: string;
  /** `sha256:…`; '' when absent */
  readonly digest: string;
}

const REPO_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${REPO_COMPONENT}(?:/${REPO_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;

export function isOci(ref: string): boolean {
  return ref.startsWith(`${OCI_SCHEME}://`);
}

/** The tag a chart version is stored under (`1.0.0+build.1` → `1.0.0_build.1`). */
export function tagForVersion(version: string): string {
  return version.replaceAll('+', '_');
}

/** newReference: strip `oci://`, split off `@digest`, turn `+` in the tag into `_`, parse. */
export function parseOciReference(raw: string): OciReference {
  let rest = raw.startsWith(`${OCI_SCHEME}://`) ? raw.slice(OCI_SCHEME.length + 3) : raw;
  let digest = '';
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new OciReferenceError(raw, 'invalid digest');
    if (digest.startsWith('sha256:') && !SHA256.test(digest)) {
      throw new OciReferenceError(raw, 'invalid sha256 digest');
    }
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new OciReferenceError(raw, 'missing registry or repository');
  const registry = rest.slice(0, slash);
  let path = rest.slice(slash + 1);
  let tag = '';
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    tag = tagForVersion(path.slice(colon + 1));
    path = path.slice(0, colon);
    if (!TAG.test(tag)) throw new OciReferenceError(raw, 'invalid tag');
  }
  if (
    !/^[a-zA-Z0-9.-]+(?::[0-9]+)?$/.test(registry) &&
    !/^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/.test(registry)
  ) {
    throw new OciReferenceError(raw, 'invalid registry');
  }
  if (!REPOSITORY.test(path)) throw new OciReferenceError(raw, 'invalid repository');
  return { registry, repository: path, tag, digest };
}

/** `registry/repository:tag`, `…@digest` or `…:tag@digest` (no scheme). */
export function formatOciReference(r: OciReference): string {
  let s = `${r.registry}/${r.repository}`;
  if (r.tag !== '') s += `:${r.tag}`;
  if (r.digest !== '') s += `@${r.digest}`;
  return s;
}

/** The chart's name: the last path element of the repository. */
export function chartNameOf(r: OciReference): string {
  return r.repository.slice(r.repository.lastIndexOf('/') + 1);
}

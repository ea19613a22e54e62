/**
 * `WWW-Authenticate` challenges of the distribution API (the token flow of
 * distribution/docs/spec/auth/token.md, as oras-go's auth client follows it). Pure.
 */

export interface Challenge {
  /** lower-case scheme: `basic` or `bearer` (others are kept as given, lower-cased) */
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Parse the first challenge of a header (`Bearer realm="…",service="…",scope="…"`). */
export function parseChallenge(header: string): Challenge | null {
  const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const params: Record<string, string> = {};
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?/gy;
  const rest = m[2] ?? '';
  let pm: RegExpExecArray | null;
  while ((pm = re.exec(rest)) !== null && pm[0] !== '') {
    params[pm[1]!.toLowerCase()] =
      pm[2] !== undefined ? pm[2].replace(/\\(.)/g, '$1') : (pm[3] ?? '');
  }
  return { scheme, params };
}

/** The scope the client asks a token for: `repository:NAME:pull[,push]`. */
export function repositoryScope(repository: string, push: boolean): string {
  return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}

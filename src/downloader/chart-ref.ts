/**
 * What a chart argument names, in the order Helm's LocateChart and ResolveChartVersion decide it
 * (helm pkg/action/install.go LocateChart, pkg/downloader/chart_downloader.go): `oci://…`, an
 * existing local path, a path-looking name that does not exist (an error), `--repo URL` + name, an
 * absolute URL, else `REPO/CHART`. Pure: whether a path exists is asked through `exists`.
 */
import { isOci } from '../registry/reference.js';

export type ChartRef =
  | { readonly kind: 'local'; readonly path: string }
  | { readonly kind: 'oci'; readonly ref: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'repo-url'; readonly repoUrl: string; readonly chart: string }
  | { readonly kind: 'repo'; readonly repo: string; readonly chart: string };

export class ChartReferenceError extends Error {
  constructor(
    readonly reference: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChartReferenceError';
  }
}

export function classifyChartRef(
  name: string,
  opts: { repoUrl?: string | undefined; exists: (path: string) => boolean },
): ChartRef {
  const ref = name.trim();
  if (isOci(ref)) return { kind: 'oci', ref };
  if (opts.repoUrl) return { kind: 'repo-url', repoUrl: opts.repoUrl, chart: ref };
  if (opts.exists(ref)) return { kind: 'local', path: ref };
  if (ref.startsWith('/') || ref.startsWith('.')) {
    throw new ChartReferenceError(ref, `path ${JSON.stringify(ref)} not found`);
  }
  let url: URL | null;
  try {
    url = new URL(ref);
  } catch {
    url = null;
  }
  if (url && url.host !== '' && url.pathname.length > 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ChartReferenceError(ref, `scheme "${url.protocol.slice(0, -1)}" not supported`);
    }
    return { kind: 'url', url: ref };
  }
  const slash = ref.indexOf('/');
  if (slash <= 0 || slash === ref.length - 1) {
    throw new ChartReferenceError(
      ref,
      `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref} (and no local chart ${JSON.stringify(ref)} exists)`,
    );
  }
  return { kind: 'repo', repo: ref.slice(0, slash), chart: ref.slice(slash + 1) };
}

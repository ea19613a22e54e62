/**
 * The prepare half of install (helm/helm pkg/action/install.go RunWithContext, v3.21.4;
 * helm-semantics.md section 4.1 steps 4 and 6-9): CRDs, rendering, the in-memory record and
 * the objects to send. Nothing is stored here.
 */
import type { Chart } from '../chart/types.js';
import type { KubeObject } from '../kube/client.js';
import {
  failRender,
  markPendingInstall,
  newInstallRelease,
  withRendered,
} from '../release/records.js';
import type { Release } from '../release/types.js';
import { storedChart } from '../release/types.js';
import { CONTEXT_CANCELED, asError, type Configuration } from './config.js';
import { InstallError } from './fail-release.js';
import type { ResolvedInstall } from './install.js';
import { existingResourceConflict, installCrds, withOwnership } from './install-resources.js';
import { buildObjects } from './objects.js';
import { ReleaseRenderError, renderChart } from './render-chart.js';
import { clusterInfo, forgetClusterInfo, type ClusterInfo } from './cluster-capabilities.js';
import { crdObjects, type RenderedResources } from './render.js';

export interface PreparedInstall {
  /** Status `pending-install`, "Initial install underway" (step 8). */
  release: Release;
  /** Manifest objects with CMD-OWN metadata, in InstallOrder (step 9). */
  objects: KubeObject[];
  /** The ones that already exist and are adopted (CMD-ADOPT). */
  adopted: KubeObject[];
  /** Discovery and capabilities (absent for a client dry run, which renders offline). */
  cluster: ClusterInfo | undefined;
}

const CRD_WARNING =
  'WARNING: This chart or one of its subcharts contains CRDs. Rendering may fail or contain inaccuracies.';

/** Steps 4 and 6 to 9. */
export async function prepareInstall(
  cfg: Configuration,
  chart: Chart,
  opts: ResolvedInstall,
): Promise<PreparedInstall> {
  const crds = crdObjects(chart);
  if (!opts.skipCrds && crds.length > 0) {
    if (opts.dryRun) cfg.log.warn(CRD_WARNING);
    else await createCrds(cfg, crds, opts);
  }
  const base = newInstallRelease({
    name: opts.releaseName,
    namespace: opts.namespace,
    chart: storedChart(chart),
    config: opts.values ?? null,
    clock: cfg.clock,
  });
  const cluster = await capabilities(cfg, opts);
  const rendered = render(chart, base, opts, cfg, cluster);
  const release = markPendingInstall(withRendered(base, rendered));
  let objects: KubeObject[];
  try {
    objects = buildObjects(
      rendered.manifests.map((m) => m.content),
      opts.namespace,
      cluster?.discovery,
    ).map((o) => withOwnership(o, opts.releaseName, opts.namespace));
  } catch (err) {
    throw new InstallError(
      `unable to build kubernetes objects from release manifest: ${asError(err).message}`,
      undefined,
      [],
      { cause: err },
    );
  }
  let adopted: KubeObject[];
  try {
    adopted = await existingResourceConflict(cfg.kube, objects, opts.releaseName, opts.namespace);
  } catch (err) {
    throw new InstallError(
      `Unable to continue with install: ${asError(err).message}`,
      undefined,
      [],
      {
        cause: err,
      },
    );
  }
  return { release, objects, adopted, cluster };
}

/** Whether this install renders offline: a client dry run (`dryRun: true | 'client'`). */
export function isClientDryRun(dryRun: boolean | 'client' | 'server' | undefined): boolean {
  return dryRun === true || dryRun === 'client';
}

/** Capabilities come from the cluster after CRDs are installed (Helm's step order). */
async function capabilities(
  cfg: Configuration,
  opts: ResolvedInstall,
): Promise<ClusterInfo | undefined> {
  if (isClientDryRun(opts.dryRun)) return undefined;
  if (opts.apiVersions?.length)
    cfg.log.info('API Version list given outside of client only mode, this list will be ignored');
  try {
    return await clusterInfo(cfg);
  } catch (err) {
    throw new InstallError(asError(err).message, undefined, [], { cause: err });
  }
}

async function createCrds(
  cfg: Configuration,
  crds: ReadonlyArray<{ filename: string; data: Uint8Array }>,
  opts: ResolvedInstall,
): Promise<void> {
  const files = crds.map((c) => ({
    filename: c.filename,
    content: new TextDecoder().decode(c.data),
  }));
  try {
    await installCrds(cfg.kube, files, { signal: opts.signal, log: cfg.log });
    // The new kinds must be mapped when the manifest is built (step 4's discovery reset).
    forgetClusterInfo(cfg);
  } catch (err) {
    const message = opts.signal.aborted ? CONTEXT_CANCELED : asError(err).message;
    throw new InstallError(message, undefined, [], { cause: err });
  }
}

/** Step 6 and 7: a render failure returns the failed record without storing it. */
function render(
  chart: Chart,
  base: Release,
  opts: ResolvedInstall,
  cfg: Configuration,
  cluster: ClusterInfo | undefined,
): RenderedResources {
  try {
    return renderChart(chart, {
      releaseName: opts.releaseName,
      namespace: opts.namespace,
      ...(opts.values ? { values: opts.values } : {}),
      revision: 1,
      isUpgrade: false,
      ...(cluster
        ? { capabilities: cluster.capabilities }
        : {
            ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
            ...(opts.apiVersions ? { apiVersions: opts.apiVersions } : {}),
          }),
      ...(opts.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
      warn: (m) => cfg.log.warn(m),
    });
  } catch (err) {
    const e = asError(err);
    if (err instanceof ReleaseRenderError) {
      throw new InstallError(e.message, failRender(base, e), [], { cause: err });
    }
    throw new InstallError(e.message, undefined, [], { cause: err });
  }
}

/**
 * `hookline template --validate`: what `helm template --validate` adds to a client-only render
 * (helm/helm cmd/helm/template.go with ClientOnly off, pkg/action/install.go): the cluster's
 * capabilities (`--kube-version` and `--api-versions` are ignored, saying so), then the rendered
 * manifest built as install builds it, validated against the server's OpenAPI schema (unless
 * `--disable-openapi-validation`) with every kind mapped, and, unless `--is-upgrade`, checked
 * for objects that exist and cannot be adopted (CMD-ADOPT). Nothing is written to the cluster.
 * Run from the whole program only (src/cli.ts routes `--validate` there): dist/template.cjs has
 * no Kubernetes client.
 */
import { clusterInfo } from '../lifecycle/cluster-capabilities.js';
import { asError } from '../lifecycle/config.js';
import { buildReleaseObjects } from '../lifecycle/objects.js';
import { validationSchema } from '../lifecycle/openapi-validation.js';
import { existingResourceConflict } from '../lifecycle/resources.js';
import type { ParsedArgs } from './args.js';
import { connect } from './cluster.js';
import type { CliIo } from './io.js';
import type { TemplateCluster } from './template.js';

export async function openTemplateCluster(args: ParsedArgs, io: CliIo): Promise<TemplateCluster> {
  const cluster = await connect(args, io);
  try {
    const info = await clusterInfo(cluster.cfg);
    if ((args.lists.get('api-versions') ?? []).length > 0)
      cluster.cfg.log.info(
        'API Version list given outside of client only mode, this list will be ignored',
      );
    return {
      capabilities: info.capabilities,
      namespace: cluster.namespace,
      async check(manifest, releaseName) {
        const validation = args.bools.get('disable-openapi-validation')
          ? undefined
          : await validationSchema(cluster.cfg);
        const objects = buildReleaseObjects(manifest, cluster.namespace, {
          discovery: info.discovery,
          ...(validation ? { validation } : {}),
        });
        if (args.bools.get('is-upgrade') || objects.length === 0) return;
        try {
          await existingResourceConflict(cluster.kube, objects, releaseName, cluster.namespace);
        } catch (err) {
          throw new Error(`Unable to continue with install: ${asError(err).message}`, {
            cause: err,
          });
        }
      },
      close: () => cluster.close(),
    };
  } catch (err) {
    await cluster.close();
    throw err;
  }
}

/**
 * `hookline template [NAME] CHART [flags]`: what `helm template` prints, byte for byte
 * (helm/helm cmd/helm/template.go and pkg/action/install.go in client-only mode; MP-6, MP-7).
 */
import { CHART_SOURCE_FLAGS, locateChart } from './chart-source.js';
import { parseKubeVersion } from '../values/capabilities.js';
import type { CliIo } from './io.js';
import { parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import type { Capabilities } from '../values/capabilities.js';
import { contextNamespace } from '../kube/kubeconfig-namespace.js';
import { readKubeconfig } from './kubeconfig-file.js';
import { POST_RENDER_FLAGS, postRenderOption } from './post-render-flags.js';
import { VALUE_FLAGS, nameAndChart, readValueOptions } from './install-render.js';
import { ReleaseRenderError, renderChart } from '../lifecycle/render-chart.js';
import { selectShowOnly, writeOutputDir } from './template-output.js';
import { isTestHook } from '../release/hook.js';
import { restartOnOverflow } from '../runtime/stack-overflow.js';

const FLAGS: FlagSpec[] = [
  ...VALUE_FLAGS,
  ...CHART_SOURCE_FLAGS,
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kube-version', kind: 'string' },
  { name: 'api-versions', short: 'a', kind: 'stringSlice' },
  { name: 'show-only', short: 's', kind: 'stringArray' },
  { name: 'include-crds', kind: 'bool' },
  { name: 'skip-crds', kind: 'bool' },
  { name: 'skip-tests', kind: 'bool' },
  { name: 'no-hooks', kind: 'bool' },
  { name: 'is-upgrade', kind: 'bool' },
  { name: 'name-template', kind: 'string' },
  { name: 'generate-name', short: 'g', kind: 'bool' },
  { name: 'output-dir', kind: 'string' },
  { name: 'release-name', kind: 'bool' },
  { name: 'debug', kind: 'bool' },
  { name: 'skip-schema-validation', kind: 'bool' },
  { name: 'render-subchart-notes', kind: 'bool' },
  { name: 'validate', kind: 'bool' },
  // With --validate only: the cluster (src/cli/template-validate.ts).
  { name: 'kubeconfig', kind: 'string' },
  { name: 'kube-context', kind: 'string' },
  { name: 'disable-openapi-validation', kind: 'bool' },
  ...POST_RENDER_FLAGS,
];

/** The cluster of `--validate` (src/cli/template-validate.ts; the whole program only). */
export interface TemplateCluster {
  readonly capabilities: Capabilities;
  /** `--namespace`, else the kubeconfig context's. */
  readonly namespace: string;
  /** Build the rendered manifest as install does: validation, mapping, adoption. */
  check(manifest: string, releaseName: string): Promise<void>;
  close(): Promise<void>;
}

export type OpenTemplateCluster = (args: ParsedArgs, io: CliIo) => Promise<TemplateCluster>;

/**
 * `openCluster` is given by the whole CLI (src/cli/main.ts): `--validate` needs it, and
 * src/cli.ts runs `template --validate` there rather than in dist/template.cjs.
 */
export async function templateCommand(
  argv: string[],
  io: CliIo,
  openCluster?: OpenTemplateCluster,
): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  const kubeVersion = args.strings.get('kube-version') || undefined;
  // Checked before anything is loaded, as Helm checks it while reading flags.
  if (kubeVersion !== undefined) parseKubeVersion(kubeVersion);
  const postRender = postRenderOption(args, io).postRender;
  if (!args.bools.get('validate')) return render(args, io, undefined, postRender);
  if (!openCluster) throw new UsageError('--validate is run by the whole hookline program');
  const cluster = await openCluster(args, io);
  try {
    return await render(args, io, cluster, postRender);
  } finally {
    await cluster.close();
  }
}

/** `--namespace`, else the kubeconfig context's (if there is a kubeconfig), else `default`. */
function namespaceOf(args: ParsedArgs, io: CliIo): string {
  const given = args.strings.get('namespace');
  if (given) return given;
  const { text } = readKubeconfig(args, io);
  const context = args.strings.get('kube-context');
  return (text !== undefined && contextNamespace(text, context)) || 'default';
}

async function render(
  args: ParsedArgs,
  io: CliIo,
  cluster: TemplateCluster | undefined,
  postRender: ((manifest: string) => string) | undefined,
): Promise<number> {
  const debug = args.bools.get('debug') ?? false;
  const kubeVersion = args.strings.get('kube-version') || undefined;
  const [name, chartPath] = nameAndChart(args.positionals, {
    nameTemplate: args.strings.get('name-template'),
    generateName: args.bools.get('generate-name') ?? false,
    defaultName: 'release-name',
  });
  const userValues = readValueOptions(args, io);
  const chart = await locateChart(chartPath, args, io);
  let rendered;
  try {
    rendered = renderChart(chart, {
      values: userValues,
      releaseName: name,
      namespace: cluster?.namespace ?? namespaceOf(args, io),
      isUpgrade: args.bools.get('is-upgrade') ?? false,
      ...(cluster
        ? { capabilities: cluster.capabilities }
        : { kubeVersion, apiVersions: args.lists.get('api-versions') ?? [] }),
      helmVersion: io.env('HOOKLINE_HELM_VERSION'),
      skipSchemaValidation: args.bools.get('skip-schema-validation') ?? false,
      includeCrds: args.bools.get('include-crds') ?? false,
      subNotes: args.bools.get('render-subchart-notes') ?? false,
      ...(postRender ? { postRender } : {}),
      warn: (m) => io.log(`${m}\n`),
    });
  } catch (err) {
    restartOnOverflow(err); // before --debug prints anything
    if (!(err instanceof ReleaseRenderError)) throw err;
    // template.go: with --debug print what was rendered, then the error; else suggest --debug.
    if (debug) {
      io.stdout(`${err.debugManifest.trim()}\n`);
      throw err;
    }
    throw new Error(`${err.message}\n\nUse --debug flag to render out invalid YAML`, {
      cause: err,
    });
  }
  await cluster?.check(rendered.manifest, name);
  // Helm drops a document with an unknown hook event silently (HK-3); hookline says so.
  for (const { path, value } of rendered.skippedHooks) {
    io.log(
      `warning: ${path}: unknown hook ${JSON.stringify(value)}: the document is skipped (neither rendered nor applied)\n`,
    );
  }
  const hooks = args.bools.get('no-hooks') ? [] : rendered.hooks;
  const skipTests = args.bools.get('skip-tests') ?? false;
  const printedHooks = hooks.filter((h) => !(skipTests && isTestHook(h)));
  const outputDir = args.strings.get('output-dir');
  if (outputDir) {
    writeOutputDir(io, {
      dir: outputDir,
      releaseName: args.bools.get('release-name') ? name : undefined,
      crds: args.bools.get('include-crds') ? rendered.crds : [],
      manifests: rendered.manifests,
      hooks: printedHooks,
    });
    return 0;
  }
  const showOnly = args.lists.get('show-only') ?? [];
  const hookText = (h: (typeof printedHooks)[number]) =>
    `---\n# Source: ${h.path}\n${h.manifest}\n`;
  if (showOnly.length) {
    const out = `${rendered.manifest.trim()}\n${printedHooks.map(hookText).join('')}`;
    io.stdout(selectShowOnly(out, showOnly));
    return 0;
  }
  // Written piece by piece, never joined: memory stays near the rendered output's own size.
  // Same bytes as `${manifest.trim()}\n`: the first piece's leading whitespace and the last
  // one's trailing whitespace are trimmed (rendered pieces start with `---`; a post-renderer's
  // output is one piece).
  let previous: string | undefined;
  let first = true;
  for (const piece of rendered.manifestPieces()) {
    if (previous !== undefined) {
      io.stdout(first ? previous.trimStart() : previous);
      first = false;
      await io.drain?.();
    }
    previous = piece;
  }
  const last = previous === undefined ? '' : first ? previous.trim() : previous.trimEnd();
  io.stdout(`${last}\n`);
  for (const h of printedHooks) {
    io.stdout(hookText(h));
    await io.drain?.();
  }
  return 0;
}

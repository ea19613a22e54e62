/**
 * The action's input names (action.yml), the single source every reader and test uses
 * (docs/design.md section 1, "The action").
 */
export const Input = {
  command: 'command',
  release: 'release',
  namespace: 'namespace',
  createNamespace: 'create-namespace',
  chart: 'chart',
  repo: 'repo',
  version: 'version',
  registryUsername: 'registry-username',
  registryPassword: 'registry-password',
  plainHttp: 'plain-http',
  verify: 'verify',
  keyring: 'keyring',
  dependencyBuild: 'dependency-build',
  values: 'values',
  valuesFiles: 'values-files',
  set: 'set',
  setString: 'set-string',
  setJson: 'set-json',
  setFile: 'set-file',
  kubeconfig: 'kubeconfig',
  context: 'context',
  timeout: 'timeout',
  wait: 'wait',
  waitForJobs: 'wait-for-jobs',
  atomic: 'atomic',
  rollbackOnFailure: 'rollback-on-failure',
  noHooks: 'no-hooks',
  historyMax: 'history-max',
  reuseValues: 'reuse-values',
  resetValues: 'reset-values',
  cleanupOnFail: 'cleanup-on-fail',
  force: 'force',
  disableOpenApiValidation: 'disable-openapi-validation',
  postRenderer: 'post-renderer',
  postRendererArgs: 'post-renderer-args',
  serverSide: 'server-side',
  forceConflicts: 'force-conflicts',
  description: 'description',
  revision: 'revision',
  keepHistory: 'keep-history',
  testFilter: 'test-filter',
  dryRun: 'dry-run',
  hookLogs: 'hook-logs',
  recoverPending: 'recover-pending',
  summary: 'summary',
  prComment: 'pr-comment',
  githubToken: 'github-token',
  summaryTemplate: 'summary-template',
} as const;

export type InputName = (typeof Input)[keyof typeof Input];

export const INPUT_NAMES: readonly InputName[] = Object.values(Input);

/** The action's outputs. */
export const Output = {
  status: 'status',
  revision: 'revision',
  release: 'release',
  namespace: 'namespace',
  hooks: 'hooks',
  notes: 'notes',
  manifestDigest: 'manifest-digest',
  plan: 'plan',
  manifestPath: 'manifest-path',
} as const;

export type OutputName = (typeof Output)[keyof typeof Output];

export const COMMANDS = [
  'install',
  'upgrade',
  'rollback',
  'uninstall',
  'test',
  'template',
] as const;
export type Command = (typeof COMMANDS)[number];

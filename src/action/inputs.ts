/**
 * The action's inputs, parsed once into a typed object (docs/design.md section 1): every value
 * is validated here and a bad one throws InputError naming the input. Pure: `read` is
 * core.getInput in main and a table in tests.
 */
import { yamlProblem, yamlShape } from '../kube/kubeconfig-errors.js';
import { parse as parseYaml } from 'yaml';
import { DurationError, MILLISECOND, parseDuration } from '../gotime/duration.js';
import type { HookLogsMode } from '../lifecycle/hooks.js';
import type { ActionChartSource, DependencyBuildMode } from '../downloader/action-chart.js';
import { COMMANDS, Input, type Command, type InputName } from './input-names.js';

export class InputError extends Error {
  constructor(
    readonly input: InputName,
    readonly reason: string,
  ) {
    super(`Input "${input}": ${reason}`);
    this.name = 'InputError';
  }
}

export interface ValuesInputs {
  /** Inline YAML (`values`), applied after the files. */
  inline: string;
  files: string[];
  set: string[];
  setString: string[];
  setJson: string[];
  setFile: string[];
}

export interface ActionInputs {
  command: Command;
  release: string;
  /** Empty: the kubeconfig context's namespace, else `default`. */
  namespace: string;
  createNamespace: boolean;
  chart: string;
  /** Where the chart comes from besides `chart` (repo, version, credentials, verify). */
  source: ActionChartSource;
  values: ValuesInputs;
  /** Kubeconfig YAML (decoded when given as base64); empty when not given. */
  kubeconfig: string;
  context: string;
  timeoutMs: number;
  wait: boolean;
  waitForJobs: boolean;
  atomic: boolean;
  noHooks: boolean;
  historyMax: number;
  reuseValues: boolean;
  resetValues: boolean;
  cleanupOnFail: boolean;
  force: boolean;
  /** `--disable-openapi-validation` (install and upgrade). */
  disableOpenApiValidation: boolean;
  /** `--post-renderer` ('' for none) and `--post-renderer-args`. */
  postRenderer: string;
  postRendererArgs: string[];
  /** `--server-side`: `auto` (default), `true`, `false` (design decision 8). */
  serverSide: 'auto' | 'true' | 'false';
  forceConflicts: boolean;
  description: string;
  /** Rollback target; 0 = the previous revision. */
  revision: number;
  keepHistory: boolean;
  testFilter: string[];
  dryRun: boolean;
  hookLogs: HookLogsMode;
  recoverPending: boolean;
  summary: boolean;
  prComment: boolean;
  githubToken: string;
  summaryTemplate: string;
}

export type ReadInput = (name: InputName) => string;

const HOOK_LOGS: readonly HookLogsMode[] = ['failed', 'all', 'none'];
const DEPENDENCY_BUILD: readonly DependencyBuildMode[] = ['auto', 'true', 'false'];
const CLUSTER_COMMANDS: readonly Command[] = [
  'install',
  'upgrade',
  'rollback',
  'uninstall',
  'test',
];

function bool(read: ReadInput, name: InputName, dflt: boolean): boolean {
  const v = read(name).trim();
  if (v === '') return dflt;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(name, `expected true or false, got ${JSON.stringify(v)}`);
}

function oneOf<T extends string>(read: ReadInput, name: InputName, all: readonly T[], dflt: T): T {
  const v = read(name).trim();
  if (v === '') return dflt;
  if ((all as readonly string[]).includes(v)) return v as T;
  throw new InputError(name, `expected one of ${all.join(', ')}, got ${JSON.stringify(v)}`);
}

function int(read: ReadInput, name: InputName, dflt: number): number {
  const v = read(name).trim();
  if (v === '') return dflt;
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw new InputError(name, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  }
  return Number(v);
}

/** Newline-separated list; blank lines and surrounding spaces dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function duration(read: ReadInput, name: InputName, dflt: number): number {
  const v = read(name).trim();
  if (v === '') return dflt;
  try {
    const ns = parseDuration(v);
    if (ns < 0n) throw new InputError(name, `duration must not be negative: ${v}`);
    return Number(ns / MILLISECOND);
  } catch (err) {
    if (err instanceof DurationError) throw new InputError(name, err.message);
    throw err;
  }
}

const isMapping = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Kubeconfig YAML, or the same base64-encoded; the result must be a YAML mapping. */
export function decodeKubeconfig(raw: string): string {
  const text = raw.trim();
  if (text === '') return '';
  const compact = text.replace(/\s+/g, '');
  let candidate = text;
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0) {
    candidate = Buffer.from(compact, 'base64').toString('utf8');
  }
  // Never the parser's message: its code frame would print the kubeconfig's tokens.
  const problem = yamlProblem(candidate);
  if (problem) throw new InputError(Input.kubeconfig, `not valid YAML: ${problem.message}`);
  if (yamlShape(candidate) !== 'mapping')
    throw new InputError(Input.kubeconfig, 'expected a kubeconfig mapping');
  return candidate;
}

function inlineValues(read: ReadInput): string {
  const v = read(Input.values);
  if (v.trim() === '') return '';
  const problem = yamlProblem(v);
  if (problem) throw new InputError(Input.values, `not valid YAML: ${problem.message}`);
  const doc: unknown = parseYaml(v);
  if (doc !== null && !isMapping(doc))
    throw new InputError(Input.values, 'expected a YAML mapping');
  return v;
}

function atomic(read: ReadInput): boolean {
  const a = bool(read, Input.atomic, false);
  const r = bool(read, Input.rollbackOnFailure, false);
  return a || r;
}

/** Parse and validate every input. */
export function parseInputs(read: ReadInput): ActionInputs {
  const command = oneOf(read, Input.command, COMMANDS, 'upgrade');
  const release = read(Input.release).trim();
  if (release === '') throw new InputError(Input.release, 'required');
  const chart = read(Input.chart).trim();
  if (chart === '' && (command === 'install' || command === 'upgrade' || command === 'template')) {
    throw new InputError(Input.chart, `required for command ${command}`);
  }
  const kubeconfig = decodeKubeconfig(read(Input.kubeconfig));
  if (kubeconfig === '' && CLUSTER_COMMANDS.includes(command)) {
    throw new InputError(Input.kubeconfig, `required for command ${command}`);
  }
  const reuseValues = bool(read, Input.reuseValues, false);
  const resetValues = bool(read, Input.resetValues, false);
  const prComment = bool(read, Input.prComment, false);
  const githubToken = read(Input.githubToken).trim();
  if (prComment && githubToken === '') {
    throw new InputError(Input.githubToken, 'required when pr-comment is true');
  }
  return {
    command,
    release,
    namespace: read(Input.namespace).trim(),
    createNamespace: bool(read, Input.createNamespace, false),
    chart,
    source: {
      chart,
      repo: read(Input.repo).trim(),
      version: read(Input.version).trim(),
      registryUsername: read(Input.registryUsername).trim(),
      registryPassword: read(Input.registryPassword),
      plainHttp: bool(read, Input.plainHttp, false),
      verify: bool(read, Input.verify, false),
      keyring: read(Input.keyring).trim(),
      dependencyBuild: oneOf(read, Input.dependencyBuild, DEPENDENCY_BUILD, 'auto'),
    },
    values: {
      inline: inlineValues(read),
      files: lines(read(Input.valuesFiles)),
      set: lines(read(Input.set)),
      setString: lines(read(Input.setString)),
      setJson: lines(read(Input.setJson)),
      setFile: lines(read(Input.setFile)),
    },
    kubeconfig,
    context: read(Input.context).trim(),
    timeoutMs: duration(read, Input.timeout, 5 * 60 * 1000),
    wait: bool(read, Input.wait, false),
    waitForJobs: bool(read, Input.waitForJobs, false),
    atomic: atomic(read),
    noHooks: bool(read, Input.noHooks, false),
    historyMax: int(read, Input.historyMax, 10),
    reuseValues,
    resetValues,
    cleanupOnFail: bool(read, Input.cleanupOnFail, false),
    force: bool(read, Input.force, false),
    disableOpenApiValidation: bool(read, Input.disableOpenApiValidation, false),
    postRenderer: read(Input.postRenderer).trim(),
    postRendererArgs: lines(read(Input.postRendererArgs)),
    serverSide: oneOf(read, Input.serverSide, ['auto', 'true', 'false'] as const, 'auto'),
    forceConflicts: bool(read, Input.forceConflicts, false),
    description: read(Input.description).trim(),
    revision: int(read, Input.revision, 0),
    keepHistory: bool(read, Input.keepHistory, false),
    testFilter: lines(read(Input.testFilter)),
    dryRun: bool(read, Input.dryRun, false),
    hookLogs: oneOf(read, Input.hookLogs, HOOK_LOGS, 'failed'),
    recoverPending: bool(read, Input.recoverPending, false),
    summary: bool(read, Input.summary, true),
    prComment,
    githubToken,
    summaryTemplate: read(Input.summaryTemplate),
  };
}

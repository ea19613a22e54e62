/**
 * The action's inputs (docs/design.md section 1): every input parsed with Helm's defaults, and
 * every bad value rejected with an InputError naming the input. Durations follow Go's
 * time.ParseDuration (src/gotime/duration.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { Input, INPUT_NAMES, type InputName } from '../../src/action/input-names.js';
import { InputError, parseInputs, decodeKubeconfig } from '../../src/action/inputs.js';

const KUBECONFIG = 'apiVersion: v1\nkind: Config\nclusters: []\n';
const base: Partial<Record<InputName, string>> = {
  release: 'app',
  chart: 'charts/app',
  kubeconfig: KUBECONFIG,
};
const reader = (over: Partial<Record<InputName, string>>) => (name: InputName) =>
  ({ ...base, ...over })[name] ?? '';

describe('defaults', () => {
  it('applies Helm defaults when only release, chart and kubeconfig are given', () => {
    expect(parseInputs(reader({}))).toEqual({
      command: 'upgrade',
      release: 'app',
      namespace: '',
      createNamespace: false,
      chart: 'charts/app',
      values: { inline: '', files: [], set: [], setString: [], setJson: [], setFile: [] },
      kubeconfig: KUBECONFIG.trim(),
      context: '',
      timeoutMs: 300_000,
      wait: false,
      waitForJobs: false,
      atomic: false,
      noHooks: false,
      historyMax: 10,
      reuseValues: false,
      resetValues: false,
      cleanupOnFail: false,
      force: false,
      disableOpenApiValidation: false,
      postRenderer: '',
      postRendererArgs: [],
      serverSide: 'auto',
      forceConflicts: false,
      description: '',
      revision: 0,
      source: {
        chart: 'charts/app',
        repo: '',
        version: '',
        registryUsername: '',
        registryPassword: '',
        plainHttp: false,
        verify: false,
        keyring: '',
        dependencyBuild: 'auto',
      },
      keepHistory: false,
      testFilter: [],
      dryRun: false,
      hookLogs: 'failed',
      recoverPending: false,
      summary: true,
      prComment: false,
      githubToken: '',
      summaryTemplate: '',
    });
  });

  it('has one name per input, all kebab-case', () => {
    expect(new Set(INPUT_NAMES).size).toBe(INPUT_NAMES.length);
    for (const n of INPUT_NAMES) expect(n).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('every input', () => {
  it.each([
    [
      { command: 'rollback', revision: '3' },
      { command: 'rollback', revision: 3 },
    ],
    [
      { namespace: ' apps ', 'create-namespace': 'true' },
      { namespace: 'apps', createNamespace: true },
    ],
    [{ timeout: '90s' }, { timeoutMs: 90_000 }],
    [{ timeout: '1h2m3.5s' }, { timeoutMs: 3_723_500 }],
    [
      { wait: 'true', 'wait-for-jobs': 'true' },
      { wait: true, waitForJobs: true },
    ],
    [{ atomic: 'true' }, { atomic: true }],
    [{ 'rollback-on-failure': 'true' }, { atomic: true }],
    [
      { 'no-hooks': 'true', 'history-max': '0' },
      { noHooks: true, historyMax: 0 },
    ],
    [
      { 'reuse-values': 'true', 'reset-values': 'false' },
      { reuseValues: true, resetValues: false },
    ],
    [
      { 'cleanup-on-fail': 'true', force: 'true' },
      { cleanupOnFail: true, force: true },
    ],
    [{ 'disable-openapi-validation': 'true' }, { disableOpenApiValidation: true }],
    [
      { 'post-renderer': ' ./kustomize.sh ', 'post-renderer-args': 'build\n\n--enable-helm\n' },
      { postRenderer: './kustomize.sh', postRendererArgs: ['build', '--enable-helm'] },
    ],
    [{ description: 'ship it' }, { description: 'ship it' }],
    [{ 'keep-history': 'true' }, { keepHistory: true }],
    [{ 'test-filter': 'name=a\n\n!name=b\n' }, { testFilter: ['name=a', '!name=b'] }],
    [
      { 'dry-run': 'true', 'hook-logs': 'all' },
      { dryRun: true, hookLogs: 'all' },
    ],
    [
      { 'recover-pending': 'true', summary: 'false' },
      { recoverPending: true, summary: false },
    ],
    [
      { 'pr-comment': 'true', 'github-token': 'ghs_x' },
      { prComment: true, githubToken: 'ghs_x' },
    ],
    [{ 'summary-template': '{{release}}' }, { summaryTemplate: '{{release}}' }],
    [{ context: 'kind-ci' }, { context: 'kind-ci' }],
  ] as Array<[Partial<Record<InputName, string>>, object]>)('%j', (over, want) => {
    expect(parseInputs(reader(over))).toMatchObject(want);
  });

  it('reads the values inputs as inline YAML and newline lists', () => {
    const got = parseInputs(
      reader({
        values: 'a: 1\n',
        'values-files': 'one.yaml\r\ntwo.yaml\n',
        set: 'x=1\ny=2',
        'set-string': 's=01',
        'set-json': 'j={"a":1}',
        'set-file': 'f=notes.txt',
      }),
    );
    expect(got.values).toEqual({
      inline: 'a: 1\n',
      files: ['one.yaml', 'two.yaml'],
      set: ['x=1', 'y=2'],
      setString: ['s=01'],
      setJson: ['j={"a":1}'],
      setFile: ['f=notes.txt'],
    });
  });

  it('accepts a base64 kubeconfig and decodes it', () => {
    const b64 = Buffer.from(KUBECONFIG).toString('base64');
    expect(parseInputs(reader({ kubeconfig: b64 })).kubeconfig).toBe(KUBECONFIG);
    expect(decodeKubeconfig(`${b64.slice(0, 10)}\n${b64.slice(10)}`)).toBe(KUBECONFIG);
  });

  it('needs no kubeconfig nor cluster for template', () => {
    expect(parseInputs(reader({ command: 'template', kubeconfig: '' })).command).toBe('template');
  });
});

describe('errors name the input', () => {
  it.each([
    [
      { command: 'deploy' },
      Input.command,
      'expected one of install, upgrade, rollback, uninstall, test, template, got "deploy"',
    ],
    [{ release: '' }, Input.release, 'required'],
    [{ chart: '' }, Input.chart, 'required for command upgrade'],
    [{ kubeconfig: '' }, Input.kubeconfig, 'required for command upgrade'],
    [{ kubeconfig: '- a\n- b' }, Input.kubeconfig, 'expected a kubeconfig mapping'],
    [{ kubeconfig: 'a: [' }, Input.kubeconfig, expect.stringMatching(/^not valid YAML/)],
    [{ timeout: '5' }, Input.timeout, 'time: missing unit in duration "5"'],
    [{ timeout: '-1s' }, Input.timeout, 'duration must not be negative: -1s'],
    [{ wait: 'yes' }, Input.wait, 'expected true or false, got "yes"'],
    [{ 'wait-for-jobs': 'True' }, Input.waitForJobs, 'expected true or false, got "True"'],
    [{ atomic: '1' }, Input.atomic, 'expected true or false, got "1"'],
    [{ 'rollback-on-failure': 'y' }, Input.rollbackOnFailure, 'expected true or false, got "y"'],
    [{ 'create-namespace': 'no' }, Input.createNamespace, 'expected true or false, got "no"'],
    [{ 'no-hooks': 'x' }, Input.noHooks, 'expected true or false, got "x"'],
    [{ 'history-max': '-1' }, Input.historyMax, 'expected a non-negative integer, got "-1"'],
    [{ 'reuse-values': 'x' }, Input.reuseValues, 'expected true or false, got "x"'],
    [{ 'reset-values': 'x' }, Input.resetValues, 'expected true or false, got "x"'],
    [{ 'cleanup-on-fail': 'x' }, Input.cleanupOnFail, 'expected true or false, got "x"'],
    [{ force: 'x' }, Input.force, 'expected true or false, got "x"'],
    [{ revision: '2.5' }, Input.revision, 'expected a non-negative integer, got "2.5"'],
    [{ 'keep-history': 'x' }, Input.keepHistory, 'expected true or false, got "x"'],
    [{ 'dry-run': 'x' }, Input.dryRun, 'expected true or false, got "x"'],
    [{ 'hook-logs': 'some' }, Input.hookLogs, 'expected one of failed, all, none, got "some"'],
    [{ 'recover-pending': 'x' }, Input.recoverPending, 'expected true or false, got "x"'],
    [{ summary: 'x' }, Input.summary, 'expected true or false, got "x"'],
    [{ 'pr-comment': 'x' }, Input.prComment, 'expected true or false, got "x"'],
    [{ 'pr-comment': 'true' }, Input.githubToken, 'required when pr-comment is true'],
    [{ values: '- 1' }, Input.values, 'expected a YAML mapping'],
    [{ values: 'a: [' }, Input.values, expect.stringMatching(/^not valid YAML/)],
  ] as Array<[Partial<Record<InputName, string>>, InputName, unknown]>)(
    '%j',
    (over, input, reason) => {
      let err: unknown;
      try {
        parseInputs(reader(over));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect(err).toMatchObject({ input, reason });
      expect((err as Error).message.startsWith(`Input "${input}": `)).toBe(true);
    },
  );
});

describe('server-side (design decision 8)', () => {
  it('accepts auto, true and false and refuses anything else, naming the input', () => {
    for (const v of ['auto', 'true', 'false'] as const) {
      expect(parseInputs(reader({ 'server-side': v })).serverSide).toBe(v);
    }
    expect(() => parseInputs(reader({ 'server-side': 'yes' }))).toThrow(
      'Input "server-side": expected one of auto, true, false, got "yes"',
    );
    expect(parseInputs(reader({ 'force-conflicts': 'true' })).forceConflicts).toBe(true);
  });
});

// The pod runner's rules (docs/design.md section 4): fate from the first container's image,
// command and args; echo lines become the log.
import { describe, expect, it } from '@jest/globals';
import {
  decideFate,
  exitLine,
  parseScript,
  type ContainerFate,
  type ContainerSpec,
} from '../../../src/simulator/controllers/pod-runner.js';

/** The expected fate's log gains the exit-reason line when the container ends. */
function withExitLine(fate: ContainerFate): ContainerFate {
  if (fate.kind !== 'exits') return fate;
  return { ...fate, logs: [...fate.logs, { atMs: fate.afterMs, text: exitLine(fate.exitCode) }] };
}

const sh = (script: string): ContainerSpec => ({ image: 'busybox', command: ['sh', '-c', script] });

describe('decideFate', () => {
  it.each([
    [
      'echo then succeed',
      sh('echo hello; echo world'),
      {
        kind: 'exits',
        afterMs: 0,
        exitCode: 0,
        logs: [
          { atMs: 0, text: 'hello' },
          { atMs: 0, text: 'world' },
        ],
      },
    ],
    [
      'exit N fails with N after sleeping',
      sh('echo a; sleep 2; exit 7'),
      { kind: 'exits', afterMs: 2000, exitCode: 7, logs: [{ atMs: 0, text: 'a' }] },
    ],
    [
      'exit 0 stops the script',
      sh('exit 0; echo never'),
      { kind: 'exits', afterMs: 0, exitCode: 0, logs: [] },
    ],
    [
      'quoted echo keeps spaces',
      sh('echo "a  b" \'c d\''),
      { kind: 'exits', afterMs: 0, exitCode: 0, logs: [{ atMs: 0, text: 'a  b c d' }] },
    ],
    [
      'log lines are stamped with their time',
      sh('sleep 1\necho late'),
      { kind: 'exits', afterMs: 1000, exitCode: 0, logs: [{ atMs: 1000, text: 'late' }] },
    ],
    [
      'sleep infinity runs forever',
      sh('echo up; sleep infinity'),
      { kind: 'runs-forever', logs: [{ atMs: 0, text: 'up' }] },
    ],
    [
      'false as last command exits 1',
      sh('false'),
      { kind: 'exits', afterMs: 0, exitCode: 1, logs: [] },
    ],
    [
      'command and args without a shell',
      { image: 'busybox', command: ['echo'], args: ['hi', 'there'] },
      { kind: 'exits', afterMs: 0, exitCode: 0, logs: [{ atMs: 0, text: 'hi there' }] },
    ],
    [
      'args carry the script for sh -c',
      { image: 'busybox', command: ['/bin/sh', '-c'], args: ['sleep 3'] },
      { kind: 'exits', afterMs: 3000, exitCode: 0, logs: [] },
    ],
    ['sleep with a unit', sh('sleep 1m'), { kind: 'exits', afterMs: 60000, exitCode: 0, logs: [] }],
    [
      'an image containing does-not-exist never pulls',
      { image: 'repo/does-not-exist:1', command: ['true'] },
      { kind: 'image-pull-error' },
    ],
  ])('%s', (_name, spec, fate) => {
    expect(decideFate(spec, { jobPod: true })).toEqual(withExitLine(fate as ContainerFate));
  });

  it('a finished container logs its exit reason last', () => {
    expect(decideFate(sh('echo a; exit 3'), { jobPod: true })).toEqual({
      kind: 'exits',
      afterMs: 0,
      exitCode: 3,
      logs: [
        { atMs: 0, text: 'a' },
        { atMs: 0, text: 'Error: exit code 3' },
      ],
    });
    expect(exitLine(0)).toBe('Completed: exit code 0');
  });

  it('no command: a Job pod succeeds, another Pod keeps running', () => {
    expect(decideFate({ image: 'nginx' }, { jobPod: true })).toEqual(
      withExitLine({ kind: 'exits', afterMs: 0, exitCode: 0, logs: [] }),
    );
    expect(decideFate({ image: 'nginx' }, { jobPod: false })).toEqual({
      kind: 'runs-forever',
      logs: [],
    });
  });
});

describe('parseScript', () => {
  it.each([
    ['a; b && c || d | e', [['a'], ['b'], ['c'], ['d'], ['e']]],
    ['echo "x;y" # comment\nz', [['echo', 'x;y'], ['z']]],
    ['echo a\\ b', [['echo', 'a b']]],
    ["echo ''", [['echo', '']]],
  ])('%j', (script, statements) => {
    expect(parseScript(script)).toEqual(statements);
  });
});

// Which failures send a main-thread run to the large-stack worker (src/runtime/stack-overflow.ts):
// a stack overflow, or the engine's depth errors that stand for one, and only while nothing was
// written (src/runtime/side-effects.ts).
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  TemplateError,
  TemplateExecError,
  TemplateParseError,
} from '../../src/gotemplate/errors.js';
import { GO_MAX_EXEC_DEPTH } from '../../src/gotemplate/exec-state.js';
import {
  RestartOnLargeStack,
  endProbe,
  sideEffect,
  startProbe,
} from '../../src/runtime/side-effects.js';
import { mayBeStackOverflow, restartOnOverflow } from '../../src/runtime/stack-overflow.js';

afterEach(() => endProbe(false));

function overflow(): RangeError {
  const recurse = (n: number): number => recurse(n + 1) + 1;
  try {
    recurse(0);
  } catch (e) {
    if (e instanceof RangeError) return e;
  }
  throw new Error('no overflow');
}

const depth = `exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`;
const execError = (detail: string, cause?: unknown) =>
  new TemplateExecError(
    { fileName: 'c/t.yaml', line: 1, col: 2, templateName: 'r', context: 'include', detail },
    cause === undefined ? undefined : { cause },
  );

describe('mayBeStackOverflow', () => {
  it.each([
    ['a V8 stack overflow', overflow()],
    ['one in the cause chain', new Error('wrapped', { cause: overflow() })],
    ['the executor depth error', new TemplateError('r', depth)],
    [
      'a nested include ending in it',
      execError('error calling include: ...', new TemplateError('r', depth)),
    ],
    ['the exec depth error at a node', execError(depth)],
    [
      'the parser depth error',
      new TemplateParseError({
        templateName: 't',
        line: 3,
        detail: 'max expression depth exceeded',
      }),
    ],
  ])('is true for %s', (_name, err) => expect(mayBeStackOverflow(err)).toBe(true));

  it.each([
    ['a render error', execError('error calling required: x is required')],
    ['no such template', new TemplateError('r', 'no such template "x"')],
    ['a plain error', new Error('maximum call stack')],
    ['a string', 'RangeError'],
  ])('is false for %s', (_name, err) => expect(mayBeStackOverflow(err)).toBe(false));
});

describe('restartOnOverflow', () => {
  it('restarts a clean main-thread run that overflowed', () => {
    startProbe();
    expect(() => restartOnOverflow(overflow())).toThrow(RestartOnLargeStack);
  });

  it('does not restart once something was written, nor outside a main-thread run', () => {
    expect(() => restartOnOverflow(overflow())).not.toThrow();
    startProbe();
    sideEffect();
    expect(() => restartOnOverflow(overflow())).not.toThrow();
  });

  it('passes on a restart asked for deeper, even when wrapped', () => {
    const restart = new RestartOnLargeStack('the cache');
    expect(() => restartOnOverflow(new Error('INSTALLATION FAILED', { cause: restart }))).toThrow(
      restart,
    );
  });

  it('leaves other failures alone', () => {
    startProbe();
    expect(() => restartOnOverflow(new Error('boom'))).not.toThrow();
  });
});

// A reader that goes away (src/runtime/closed-pipe.ts), on real OS pipes: the stdin of a child
// process that has ended. EPIPE and the writes after it are dropped; other errors still throw.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { drained, readerGone, tolerateClosedPipe } from '../../src/runtime/closed-pipe.js';

/**
 * A pipe whose reader went away: the stdin of a child process that closed it and lives on
 * (`stop` ends it).
 */
async function closedPipe(): Promise<{ pipe: NodeJS.WriteStream; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['-e', "require('node:fs').closeSync(0); console.log('closed'); setInterval(() => {}, 1000)"],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  await new Promise((r) => child.stdout.once('data', r));
  return { pipe: child.stdin as unknown as NodeJS.WriteStream, stop: () => child.kill() };
}

/** After pending callbacks and events of this turn. */
const settle = () => new Promise((r) => setImmediate(r));

describe('a closed pipe (issue 10: `hookline template … | head`)', () => {
  it('drops EPIPE and every later write, and says the reader went away', async () => {
    const { pipe, stop } = await closedPipe();
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      tolerateClosedPipe(pipe);
      tolerateClosedPipe(pipe); // once is enough: a second call adds nothing
      expect(pipe.listenerCount('error')).toBe(1);
      expect(readerGone(pipe)).toBe(false);
      // EPIPE destroys the stream: its 'error', then its 'close'.
      const closed = new Promise((r) => pipe.once('close', r));
      pipe.write('x'.repeat(1 << 20));
      await closed;
      expect(readerGone(pipe)).toBe(true);
      await new Promise((r) => pipe.write('more', r));
      await settle();
      await drained(pipe); // a closed stream never keeps a writer waiting
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      stop();
    }
  });

  it('resolves a wait for drain when the stream closes instead', async () => {
    let finish: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 4,
      write: (_chunk, _enc, cb) => (finish = cb),
    }) as unknown as NodeJS.WriteStream;
    tolerateClosedPipe(slow);
    slow.write('more than four bytes');
    expect(slow.writableNeedDrain).toBe(true);
    let done = false;
    const waiting = drained(slow).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    slow.destroy();
    await waiting;
    expect(done).toBe(true);
    expect(finish).toBeDefined();
  });

  it('still throws any other error of the stream', () => {
    const stream = new Writable({ write: (_c, _e, cb) => cb() });
    tolerateClosedPipe(stream);
    const err = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    expect(() => stream.emit('error', err)).toThrow(err);
    expect(readerGone(stream)).toBe(false);
  });
});

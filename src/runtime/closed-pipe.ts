/**
 * A reader that goes away closes the pipe (`hookline template … | head`): Node then fails the
 * next write with EPIPE, an 'error' event that would end the process with a stack trace. Go
 * programs, Helm among them, die of SIGPIPE there, even in the middle of an install, which
 * leaves the release pending. Here the rest of that stream's output is dropped and the command
 * carries on to its end with its own exit code: a lifecycle command still stores its release.
 * Any other error of the stream ends the process as before.
 */

/** The streams whose reader went away. */
const gone = new WeakSet<NodeJS.WritableStream>();
const tolerated = new WeakSet<NodeJS.WritableStream>();

/** From now on a closed pipe on `stream` drops its output instead of ending the process. */
export function tolerateClosedPipe(stream: NodeJS.WritableStream): void {
  if (tolerated.has(stream)) return;
  tolerated.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    // After EPIPE the stream is destroyed: later writes fail with ERR_STREAM_DESTROYED.
    if (err.code === 'EPIPE' || (gone.has(stream) && err.code === 'ERR_STREAM_DESTROYED')) {
      gone.add(stream);
      return;
    }
    throw err;
  });
}

/** Whether `stream`'s reader went away (see {@link tolerateClosedPipe}). */
export function readerGone(stream: NodeJS.WritableStream): boolean {
  return gone.has(stream);
}

/**
 * Resolves once `stream` takes more output: at once unless it asked to drain, else at its
 * 'drain', or when it closes (its reader went away meanwhile).
 */
export function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed || gone.has(stream)) return Promise.resolve();
  return new Promise<void>((ok) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      ok();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });
}

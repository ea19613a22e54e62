/**
 * Watches on node:http(s) (part of the node-client edge): client-node's `Watch.watch`, with the
 * same arguments, events, timeouts and failures, for clusters whose pool is a NodeDispatcher
 * (node-client-transport.ts); any other dispatcher (proxies, SOCKS, none) and a redirect go to
 * client-node's own Watch.
 *
 * Why (issue 10): client-node's Watch reads the stream with undici's fetch, whose evaluation
 * (~45 ms of CPU) every command that waits for a hook or a resource paid at its first watch,
 * though RawApi's requests no longer load it.
 *
 * What is kept from client-node 2.0.1's watch.js: `watch=true` and the query in the URL, its
 * authentication (applySecurityAuthentication), a 30 s timer from the start to the answer and
 * then of inactivity that aborts with a `TimeoutError`, a non-200 answer as an Error named by
 * its status text with `statusCode`, one JSON event per line (unparsable lines skipped),
 * `done` called once (null when the stream ends), and the AbortController it resolves to. Not
 * kept: the headers fetch adds (`sec-fetch-mode`, `accept-language`, its `undici` User-Agent).
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { HttpMethod, RequestContext, Watch } from '@kubernetes/client-node';
import { NodeDispatcher, terminated } from './node-client-transport.js';

/** client-node's Watch.requestTimeoutMs. */
const WATCH_TIMEOUT_MS = 30_000;

type Callback = (type: string, obj: unknown, watchObj?: unknown) => void;
type Done = (err: unknown) => void;

const timeoutError = (): DOMException =>
  new DOMException('The operation was aborted due to timeout', 'TimeoutError');

export class NodeWatch {
  private fallback: Watch | undefined;

  constructor(private readonly kc: KubeConfig) {}

  private general(): Watch {
    this.fallback ??= new Watch(this.kc);
    return this.fallback;
  }

  async watch(
    path: string,
    query: Record<string, string | boolean | undefined>,
    callback: Callback,
    done: Done,
  ): Promise<AbortController> {
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error('No currently active cluster');
    const url = new URL(cluster.server + path);
    url.searchParams.set('watch', 'true');
    for (const [k, v] of Object.entries(query))
      if (v !== undefined) url.searchParams.set(k, `${v}`);
    const ctx = new RequestContext(url.toString(), HttpMethod.GET);
    await this.kc.applySecurityAuthentication(ctx);
    const dispatcher: unknown = ctx.getDispatcher();
    if (!(dispatcher instanceof NodeDispatcher))
      return this.general().watch(path, query, callback, done);

    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const clearTimer = (): void => {
      clearTimeout(timer);
      timer = undefined;
    };
    const resetTimer = (): void => {
      clearTimer();
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort(timeoutError());
      }, WATCH_TIMEOUT_MS);
      timer.unref();
    };
    let doneCalled = false;
    const doneOnce = (err: unknown): void => {
      if (doneCalled) return;
      doneCalled = true;
      clearTimer();
      controller.abort();
      done(err && timedOut ? timeoutError() : err);
    };
    let res: IncomingMessage | undefined;
    try {
      resetTimer();
      res = await dispatcher.open({
        url: url.toString(),
        method: 'GET',
        headers: ctx.getHeaders(),
        signal: controller.signal,
      });
    } catch (err) {
      doneOnce(err);
      return controller;
    }
    if (res === undefined) {
      clearTimer();
      return this.general().watch(path, query, callback, done);
    }
    const status = res.statusCode ?? 0;
    if (status !== 200) {
      res.resume();
      const text = res.statusMessage || STATUS_CODES[status] || 'Internal Server Error';
      doneOnce(Object.assign(new Error(text), { statusCode: status }));
      return controller;
    }
    // The answer is here: from now on the timer measures inactivity.
    resetTimer();
    readLines(res, (line) => {
      let data: { type?: unknown; object?: unknown };
      try {
        data = JSON.parse(line) as typeof data;
      } catch {
        return; // as client-node: a line that is no JSON is skipped
      }
      callback(data.type as string, data.object, data);
    });
    res.on('data', resetTimer);
    res.on('error', (err) => doneOnce(terminated(err)));
    res.on('end', () => doneOnce(null));
    res.on('close', () => doneOnce(res.complete ? null : terminated({ code: 'ECONNRESET' })));
    return controller;
  }
}

/** Calls `onLine` for each line of `res` (split at \n, a trailing \r dropped, as readline does). */
function readLines(res: IncomingMessage, onLine: (line: string) => void): void {
  res.setEncoding('utf8');
  let rest = '';
  res.on('data', (chunk: string) => {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(start, end));
      start = nl + 1;
    }
    rest = text.slice(start);
  });
  res.on('end', () => {
    if (rest !== '') onLine(rest);
  });
}

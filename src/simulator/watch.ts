/**
 * Watch streams (apiserver handlers/watch.go): newline-delimited `{"type","object"}` frames,
 * starting from `resourceVersion`, closing after `timeoutSeconds`, with BOOKMARK frames when
 * `allowWatchBookmarks` is set and an ERROR frame (410 Expired) for a compacted version.
 */
import type { ServerResponse } from 'node:http';
import { ApiError } from './errors.js';
import type { JsonObject } from './json.js';
import type { ResourceType } from './discovery.js';
import { apiVersionOf, resourceKey } from './registry.js';
import type { Store } from './store.js';

export interface WatchRequest {
  type: ResourceType;
  version: string;
  namespace?: string;
  filter: (obj: JsonObject) => boolean;
  resourceVersion?: string;
  timeoutSeconds?: number;
  bookmarks: boolean;
  /** Real milliseconds between bookmarks. */
  bookmarkEveryMs: number;
  /** Re-shapes each object (server-side printing: a one-row Table). */
  transform?: (obj: JsonObject) => JsonObject;
}

function frame(type: string, object: JsonObject): string {
  return `${JSON.stringify({ type, object })}\n`;
}

export function serveWatch(
  store: Store,
  res: ServerResponse,
  req: WatchRequest,
  onClose: (fn: () => void) => void,
): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  const apiVersion = apiVersionOf(req.type, req.version);
  const bookmark = (): void => {
    res.write(
      frame('BOOKMARK', {
        kind: req.type.kind,
        apiVersion,
        metadata: { resourceVersion: String(store.currentRv()) },
      }),
    );
  };
  let unsubscribe: () => void = () => undefined;
  try {
    const rv =
      req.resourceVersion === undefined || req.resourceVersion === ''
        ? undefined
        : Number(req.resourceVersion);
    if (rv !== undefined && !Number.isFinite(rv))
      throw new ApiError(400, 'BadRequest', `invalid resource version: ${req.resourceVersion}`);
    unsubscribe = store.watch({
      resource: resourceKey(req.type),
      ...(req.namespace !== undefined ? { namespace: req.namespace } : {}),
      ...(rv !== undefined ? { fromRv: rv } : {}),
      filter: req.filter,
      send: (ev) => {
        const obj = ev.object;
        obj.apiVersion = apiVersion;
        res.write(frame(ev.type, req.transform ? req.transform(obj) : obj));
      },
    });
  } catch (err) {
    if (err instanceof ApiError) {
      res.end(frame('ERROR', err.toStatus()));
      return;
    }
    throw err;
  }
  const timers: NodeJS.Timeout[] = [];
  const close = (): void => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
  };
  if (req.bookmarks) {
    const tick = setInterval(bookmark, req.bookmarkEveryMs);
    timers.push(tick);
  }
  const timeoutMs = (req.timeoutSeconds ?? 1800) * 1000;
  timers.push(
    setTimeout(() => {
      if (req.bookmarks) bookmark();
      close();
      res.end();
    }, timeoutMs),
  );
  onClose(close);
}

/**
 * A controller work queue (client-go util/workqueue, simplified): keys are coalesced and synced
 * on the next turn of the event loop; API errors from races (404, 409, refused creates) are
 * dropped, as a controller would retry on the next change.
 */
import type { Clock } from '../clock.js';
import { guarded } from '../report.js';

export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly timers = new Set<() => void>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly sync: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const keys = [...this.pending];
      this.pending.clear();
      for (const k of keys) this.run(() => this.sync(k));
    });
  }

  /** Adds `key` again after `simMs` of simulated time. */
  after(key: string, simMs: number): void {
    const cancel = this.clock.after(simMs, () => {
      this.timers.delete(cancel);
      this.add(key);
    });
    this.timers.add(cancel);
  }

  /** Runs `fn`, dropping the API errors a race can cause (see report.ts). */
  run(fn: () => void): void {
    if (!this.stopped) guarded('controller sync', fn);
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.timers) cancel();
    this.timers.clear();
  }
}

/**
 * A whole-store sweep coalesced onto the next turn of the event loop, however often it is asked
 * for (the garbage collector's and the namespace controller's). Nothing runs after stop();
 * failures are reported as `what` (see report.ts).
 */
export class Sweep {
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly run: () => void,
  ) {}

  schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) guarded(this.what, this.run);
    });
  }

  stop(): void {
    this.stopped = true;
  }
}

/**
 * The skeleton every simulated controller shares (client-go's informer + work-queue pattern,
 * simplified): a `StoreController` hears each store change synchronously through `onEvent`
 * until `stop()`; a `QueuedController` also owns a WorkQueue whose keys it reconciles in
 * `sync`. Subclasses must not expect their own fields in `onEvent` before their constructor
 * has finished (the listener is registered by the base constructor).
 */
import type { ResourceType } from '../discovery.js';
import { ApiError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { EventRecorder, EventSource } from './events.js';
import { WorkQueue } from './queue.js';

/** Where a workload controller reports a refused create, and what it retries. */
export interface CreateRetry {
  readonly events: EventRecorder;
  /** The controller object the Warning event is recorded on. */
  readonly owner: JsonObject;
  readonly source: EventSource;
  /** The owner's queue key, added again one simulated second later. */
  readonly retryKey: string;
}

export abstract class StoreController {
  private readonly unlisten: () => void;

  constructor(protected readonly reg: Registry) {
    this.unlisten = reg.store.listen((ev) => this.onEvent(ev));
  }

  /** Stops hearing store changes. */
  stop(): void {
    this.unlisten();
  }

  protected abstract onEvent(ev: StoreEvent): void;
}

export abstract class QueuedController extends StoreController {
  protected readonly queue: WorkQueue;

  constructor(reg: Registry) {
    super(reg);
    this.queue = new WorkQueue(reg.clock, (key) => this.sync(key));
  }

  /** Stops hearing store changes, then drops pending keys and timers. */
  override stop(): void {
    super.stop();
    this.queue.stop();
  }

  /** Reconciles the object a queued key names. */
  protected abstract sync(key: string): void;

  /**
   * Runs `create` (a create and the events it records); when the API refuses, records
   * FailedCreate on the owner and retries it in a second, as the Job and pod-set controllers
   * do (pkg/controller/controller_utils.go). False when refused; other errors propagate.
   */
  protected createOrRetry(retry: CreateRetry, create: () => void): boolean {
    try {
      create();
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      retry.events.record(retry.owner, retry.source, {
        type: 'Warning',
        reason: 'FailedCreate',
        message: `Error creating: ${err.message}`,
      });
      this.queue.after(retry.retryKey, 1000);
      return false;
    }
  }
}

/** The core/v1 Pod resource type (always in the catalogue). */
export const podType = (reg: Registry): ResourceType =>
  reg.catalogue.lookup('', 'v1', 'pods') as ResourceType;

/**
 * The skeleton every simulated controller shares (client-go's informer + work-queue pattern,
 * simplified): a `StoreController` hears each store change synchronously through `onEvent`
 * until `stop()`; a `QueuedController` also owns a WorkQueue whose keys it reconciles in
 * `sync`. Subclasses must not expect their own fields in `onEvent` before their constructor
 * has finished (the listener is registered by the base constructor).
 */
import type { ResourceType } from '../discovery.js';
import type { Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import { WorkQueue } from './queue.js';

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
}

/** The core/v1 Pod resource type (always in the catalogue). */
export const podType = (reg: Registry): ResourceType =>
  reg.catalogue.lookup('', 'v1', 'pods') as ResourceType;

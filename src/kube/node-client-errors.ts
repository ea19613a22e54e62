/**
 * Failures of @kubernetes/client-node calls as kube/client.ts errors (part of the node-client
 * edge: the only files allowed to import the client are src/kube/node-client*.ts).
 */
import { ApiException } from '@kubernetes/client-node';
import {
  AlreadyExistsError,
  ConflictError,
  GoneError,
  InvalidError,
  KubeError,
  NotFoundError,
  UnreachableError,
} from './client.js';
import { parseStatus } from './wire.js';
import { asError, errorText } from '../util/errors.js';

/** Awaits a client-node call, turning its failures into kube/client.ts errors. */
export async function mapped<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw toKubeError(err);
  }
}

export function statusCode(obj: unknown): number {
  const code = (obj as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : 500;
}

export function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/** undici's `fetch failed` (possibly re-worded by client-node's discovery) with a socket cause. */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false;
  const cause = (err as Error & { cause?: { code?: unknown } }).cause;
  return err.message.includes('fetch failed') || typeof cause?.code === 'string';
}

/** ApiException (by HTTP code and Status reason) and network failures → kube/client.ts errors. */
export function toKubeError(err: unknown): Error {
  if (err instanceof KubeError) return err;
  if (err instanceof ApiException) {
    const { status, causes } = parseStatus(err.code, err.body);
    const message = status?.message || `HTTP ${err.code}`;
    switch (err.code) {
      case 404:
        return new NotFoundError(message, status);
      case 409:
        return status?.reason === 'AlreadyExists'
          ? new AlreadyExistsError(message, status)
          : new ConflictError(message, status);
      case 410:
        return new GoneError(message, status);
      case 400:
      case 422:
        return new InvalidError(message, status, causes);
      default:
        return new KubeError(message, status);
    }
  }
  if (isNetworkError(err)) {
    const cause = (err as Error & { cause?: unknown }).cause;
    return new UnreachableError(`cluster unreachable: ${errorText(cause)}`);
  }
  return asError(err);
}

/**
 * kube/client.ts errors → storage's API errors (the typed NotFound/AlreadyExists that
 * storage/object-driver.ts turns into release errors), for the Secret and ConfigMap adapters.
 */
import { ApiAlreadyExistsError, ApiNotFoundError } from '../storage/object-driver.js';
import { AlreadyExistsError, NotFoundError } from './client.js';

/** Runs `call` for object `name`, rethrowing NotFound/AlreadyExists as storage's errors. */
export function storageErrors(
  resource: string,
): <T>(name: string, call: () => Promise<T>) => Promise<T> {
  return async (name, call) => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof NotFoundError) throw new ApiNotFoundError(resource, name);
      if (err instanceof AlreadyExistsError) throw new ApiAlreadyExistsError(resource, name);
      throw err;
    }
  };
}

/**
 * Failures of @kubernetes/client-node calls as kube/client.ts errors (part of the node-client
 * edge: the only files allowed to import the client are src/kube/node-client*.ts). Every error
 * names its cause: the socket error (`connect ECONNREFUSED 127.0.0.1:6443`), the TLS failure
 * in Go's words (`x509: certificate signed by unknown authority`), a request timeout, or the
 * server's Status; the HTTP code and any `Retry-After` travel with it for the retry layer.
 */
import { ApiException } from '@kubernetes/client-node';
import {
  AlreadyExistsError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  KubeError,
  NotFoundError,
  UnreachableError,
  type UnreachableReason,
} from './client.js';
import { parseStatus } from './wire.js';
import { asError } from '../util/errors.js';

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

/** An abort or timeout (a DOMException, which may come from another realm: checked by name). */
export function isTimeout(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The per-request timeout fired (AbortSignal.timeout's DOMException). */
function isRequestTimeout(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'TimeoutError';
}

interface CodedError extends Error {
  code?: unknown;
  cause?: unknown;
}

/**
 * undici's fetch failure, known by its shape rather than its text (client-node's discovery
 * re-words the message): the Fetch standard's network error, a `TypeError` carrying the
 * underlying error as its `cause` (a socket, TLS or undici error code such as `ECONNREFUSED`,
 * `DEPTH_ZERO_SELF_SIGNED_CERT`, `UND_ERR_SOCKET`, or uncoded, e.g. `bad port`), or a request
 * timeout.
 */
export function isNetworkError(err: unknown): boolean {
  if (isRequestTimeout(err)) return true;
  // By name, not instanceof: undici's errors may come from another realm (test sandboxes).
  if (!isErrorLike(err) || err.name !== 'TypeError') return false;
  return isErrorLike(err.cause);
}

/** Node's TLS verification codes, in the words Go's crypto/x509 uses for them. */
const X509: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'x509: certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'x509: certificate signed by unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'x509: certificate signed by unknown authority',
  CERT_HAS_EXPIRED: 'x509: certificate has expired or is not yet valid',
  CERT_NOT_YET_VALID: 'x509: certificate has expired or is not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'x509: certificate is valid for other names',
};

const SOCKET_REASONS: Record<string, UnreachableReason> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
};

function isErrorLike(e: unknown): e is CodedError {
  return typeof e === 'object' && e !== null && typeof (e as Error).message === 'string';
}

/** The innermost error of a `fetch failed` chain that carries a code (or the last one). */
function rootCause(err: unknown): CodedError | undefined {
  let found: CodedError | undefined;
  for (let e: unknown = err, depth = 0; isErrorLike(e) && depth < 8; depth++) {
    const c = e as CodedError;
    if (typeof c.code === 'string' || isRequestTimeout(c)) found = c;
    e = c.cause;
  }
  return found;
}

/** A failure with no HTTP answer, named by its cause (undefined when it is not one). */
function unreachable(err: unknown): UnreachableError | undefined {
  if (isRequestTimeout(err)) {
    return new UnreachableError('request timed out: the server did not answer', 'timeout', {
      cause: err,
    });
  }
  if (!isNetworkError(err)) return undefined;
  const cause = rootCause(err);
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (isRequestTimeout(cause))
    return new UnreachableError('request timed out: the server did not answer', 'timeout', {
      cause: err,
    });
  const x509 = X509[code];
  if (x509 !== undefined) return new UnreachableError(x509, 'tls', { cause: err });
  const text = cause?.message ?? (err as Error).message;
  return new UnreachableError(text, SOCKET_REASONS[code] ?? 'other', { cause: err });
}

/** A `Retry-After` header in seconds (integer form; HTTP dates are not sent by API servers). */
function retryAfter(headers: Record<string, string> | undefined): number | undefined {
  const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** ApiException (by HTTP code and Status reason) and network failures → kube/client.ts errors. */
export function toKubeError(err: unknown): Error {
  if (err instanceof KubeError) return err;
  if (err instanceof ApiException) {
    const { status, causes } = parseStatus(err.code, err.body);
    const details = { code: err.code, retryAfterSeconds: retryAfter(err.headers) };
    const message = status?.message || `the server responded with HTTP ${err.code}`;
    switch (err.code) {
      case 404:
        return new NotFoundError(message, status, details);
      case 409:
        return status?.reason === 'AlreadyExists'
          ? new AlreadyExistsError(message, status, details)
          : new ConflictError(message, status, details);
      case 410:
        return new GoneError(message, status, details);
      case 400:
      case 422:
        return new InvalidError(message, status, causes);
      case 401:
        return new ForbiddenError(
          'the server has asked for the client to provide credentials',
          status,
          details,
        );
      case 403:
        return new ForbiddenError(message, status, details);
      default:
        return new KubeError(message, status, details);
    }
  }
  const watchCode = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof watchCode === 'number') {
    // client-node's Watch: a non-200 answer as Error(statusText) with `statusCode`.
    const message = `${(err as Error).message} (HTTP ${watchCode})`;
    const details = { code: watchCode, cause: err };
    if (watchCode === 410) return new GoneError(message, undefined, details);
    if (watchCode === 404) return new NotFoundError(message, undefined, details);
    if (watchCode === 401 || watchCode === 403)
      return new ForbiddenError(message, undefined, details);
    return new KubeError(message, undefined, details);
  }
  return unreachable(err) ?? asError(err);
}

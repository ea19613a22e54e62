/**
 * Render errors as Helm reports them (helm/helm pkg/engine/engine.go `cleanupParseError`,
 * `cleanupExecError`), keeping the template file, line and column as fields so a pull request
 * annotation can point at them without parsing text.
 */
import { TemplateExecError, TemplateParseError } from '../gotemplate/errors.js';
import { asError, errorText } from '../util/errors.js';

/** Markers Helm wraps around `required`/`fail` messages so it can find them again. */
export const WARN_START = 'HELM_ERR_START';
export const WARN_END = 'HELM_ERR_END';
const WARN_RE = new RegExp(`${WARN_START}([\\s\\S]*)${WARN_END}`);

export function warnWrap(msg: string): string {
  return `${WARN_START}${msg}${WARN_END}`;
}

export interface TemplateLocation {
  /** Template path, e.g. `mychart/templates/deployment.yaml`. */
  readonly file: string;
  readonly line: number;
  /** 0-based column as Go reports it, when known. */
  readonly col?: number;
}

/** A template failed to parse or execute. `message` is Helm's text. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly phase: 'parse' | 'execute',
    readonly location: TemplateLocation | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RenderError';
  }
}

/**
 * `parse error at (FILE:LINE): MSG`. Helm keeps only the text after the last ": " of Go's
 * message, so `bad number syntax: "1.2.3"` is reported as `"1.2.3"` [quirk, kept].
 */
export function cleanupParseError(filename: string, err: unknown): RenderError {
  if (!(err instanceof TemplateParseError)) {
    const text = errorText(err);
    return new RenderError(`parse error in (${filename}): ${text}`, 'parse', undefined, {
      cause: err,
    });
  }
  const tokens = err.message.split(': ');
  const location = tokens[1] ?? '';
  const msg = tokens[tokens.length - 1] ?? '';
  return new RenderError(
    `parse error at (${location}): ${msg}`,
    'parse',
    { file: err.templateName, line: err.line, ...(err.col !== undefined ? { col: err.col } : {}) },
    { cause: err },
  );
}

/**
 * `execution error at (FILE:LINE:COL): MSG` for `required`/`fail` messages; any other
 * execution error keeps Go's full text. The location is the outermost failing action.
 */
export function cleanupExecError(filename: string, err: unknown): Error {
  if (!(err instanceof TemplateExecError)) {
    return asError(err);
  }
  const location: TemplateLocation = { file: err.fileName, line: err.line, col: err.col };
  const rest = err.message.split(': ').slice(2).join(': ');
  const match = WARN_RE.exec(rest);
  if (match) {
    return new RenderError(
      `execution error at (${err.fileName}:${err.line}:${err.col}): ${match[1]}`,
      'execute',
      location,
      { cause: err },
    );
  }
  void filename;
  return new RenderError(err.message, 'execute', location, { cause: err });
}

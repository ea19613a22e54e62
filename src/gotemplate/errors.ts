/**
 * Typed template errors. Messages read exactly like Go's text/template errors; the parts stay
 * available as fields so callers (Helm's engine layer, annotations in a PR) never parse text.
 */

/** `template: NAME:LINE: MESSAGE` (golang/go:src/text/template/parse/parse.go `errorf`). */
export class TemplateParseError extends Error {
  readonly templateName: string;
  readonly line: number;
  /** 1-based column when known (Go's parse errors print only the line). */
  readonly col: number | undefined;
  /** The message without the location prefix, e.g. `function "nope" not defined`. */
  readonly detail: string;

  constructor(fields: { templateName: string; line: number; col?: number; detail: string }) {
    super(`template: ${fields.templateName}:${fields.line}: ${fields.detail}`);
    this.name = 'TemplateParseError';
    this.templateName = fields.templateName;
    this.line = fields.line;
    this.col = fields.col;
    this.detail = fields.detail;
  }
}

/**
 * `template: FILE:LINE:COL: executing "NAME" at <CONTEXT>: MESSAGE`
 * (golang/go:src/text/template/exec.go `errorf` with parse.Tree.ErrorContext).
 * FILE is the parse name of the source holding the failing node; NAME is the template being
 * executed (they differ inside a `define`).
 */
export class TemplateExecError extends Error {
  readonly fileName: string;
  readonly line: number;
  readonly col: number;
  readonly templateName: string;
  /** The failing node printed back to source (Go truncates it to 20 characters with `...`). */
  readonly context: string;
  /** The message without the location prefix. */
  readonly detail: string;

  constructor(
    fields: {
      fileName: string;
      line: number;
      col: number;
      templateName: string;
      context: string;
      detail: string;
    },
    options?: { cause?: unknown },
  ) {
    super(
      `template: ${fields.fileName}:${fields.line}:${fields.col}: executing "${fields.templateName}" at <${fields.context}>: ${fields.detail}`,
      options,
    );
    this.name = 'TemplateExecError';
    this.fileName = fields.fileName;
    this.line = fields.line;
    this.col = fields.col;
    this.templateName = fields.templateName;
    this.context = fields.context;
    this.detail = fields.detail;
  }
}

/**
 * An execution error with no node position: `template: NAME: MESSAGE` (e.g. `no such template`,
 * `incomplete or empty template`, exceeding the recursion limit at the top level).
 */
export class TemplateError extends Error {
  constructor(
    readonly templateName: string,
    readonly detail: string,
  ) {
    super(`template: ${templateName}: ${detail}`);
    this.name = 'TemplateError';
  }
}

/**
 * Turn an offset into Go's `ErrorContext` location: a 1-based line and a **0-based** column
 * counted in UTF-8 bytes (parse/parse.go `ErrorContext`: `pos - (lastNewline + 1)`).
 */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: utf8Length(text, lineStart, Math.min(offset, text.length)) };
}

function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

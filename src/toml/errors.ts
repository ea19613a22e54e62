/** TOML errors, worded like BurntSushi/toml v1.6.0 (the version Helm 3.20+ embeds; error.go). */
import { quote } from '../gotemplate/strconv.js';

export class TomlError extends Error {
  /**
   * True when Go would not return this error but panic (e.g. encoding a nil value): Helm's
   * toToml then fails the render (`error calling toToml: …`) instead of returning the text.
   */
  readonly panic: boolean;

  constructor(message: string, options?: { panic?: boolean }) {
    super(message);
    this.name = 'TomlError';
    this.panic = options?.panic ?? false;
  }
}

/** A decoding error: `toml: line 3 (last key "a.b"): expected a top-level item …`. */
export class TomlParseError extends TomlError {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly lastKey: string,
  ) {
    super(
      lastKey === ''
        ? `toml: line ${line}: ${detail}`
        : `toml: line ${line} (last key ${quote(lastKey)}): ${detail}`,
    );
    this.name = 'TomlParseError';
  }
}

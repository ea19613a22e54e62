/** TOML like BurntSushi/toml v1.6.0 (Helm 3.21's toToml/fromToml): see encode.ts and decode.ts. */
export { marshalToml, tomlQuote, maybeQuotedKey } from './encode.js';
export { unmarshalToml } from './decode.js';
export { TomlDatetime } from './datetime.js';
export type { TomlDatetimeForm, TomlDatetimeKind } from './datetime.js';
export { parseDatetime } from './datetime-parse.js';
export { TomlError, TomlParseError } from './errors.js';

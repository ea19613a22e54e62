/** Go's encoding/json over the hookline value model (see encode.ts and decode.ts). */
export { marshalJson, jsonString } from './encode.js';
export type { MarshalOptions } from './encode.js';
export { jsonFloat, toJsonTree } from './tree.js';
export type { GoJsonMarshaler, JsonNode } from './tree.js';
export { unmarshalJson } from './decode.js';
export { checkValid } from './scanner.js';
export { JsonSyntaxError, JsonMarshalError, JsonUnmarshalTypeError } from './errors.js';

/** Go's encoding/json over the hookline value model (see encode.ts and decode.ts). */
export { marshalJson, jsonString, jsonFloat } from './encode.js';
export type { MarshalOptions, GoJsonMarshaler } from './encode.js';
export { unmarshalJson } from './decode.js';
export { checkValid } from './scanner.js';
export { JsonSyntaxError, JsonMarshalError, JsonUnmarshalTypeError } from './errors.js';

/** encoding/json errors (golang/go:src/encoding/json/{scanner,encode,decode}.go). */

/** A syntax error; `offset` is the number of bytes read before the error (Go's Offset). */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/**
 * A value json.Marshal cannot encode: `json: unsupported value: NaN`,
 * `json: unsupported type: func() string`, cycles.
 */
export class JsonMarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonMarshalError';
  }
}

/** A JSON value that does not fit the Go type, e.g. `json: cannot unmarshal number 1e400 into Go value of type float64`. */
export class JsonUnmarshalTypeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonUnmarshalTypeError';
  }
}

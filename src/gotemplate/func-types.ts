/**
 * The declared signature of a template function (see functions.ts for the conversion rules).
 * Types only, so the value model (values.ts, GoFuncValue) and functions.ts both import it
 * without a cycle.
 */
export type ParamType =
  | 'any'
  | 'string'
  | 'bool'
  | 'int'
  | 'int64'
  | 'uint32'
  | 'float64'
  | 'map'
  | 'slice'
  | 'strings'
  | 'time'
  | 'value';

export interface FuncSignature {
  /** Fixed parameters. */
  readonly params: readonly ParamType[];
  /** Type of the variadic tail (`...interface{}` is `'any'`), if the function is variadic. */
  readonly variadic?: ParamType;
  /** For `value` params: the required struct type name, by parameter index. */
  readonly structTypes?: Readonly<Record<number, string>>;
  /**
   * True when the Go function returns `(T, error)`. The implementation then signals the error
   * by throwing {@link FuncError}; the executor reports `error calling NAME: MESSAGE`.
   * Functions without an error result may still throw FuncError to model a Go panic
   * (reported as `error calling NAME: MESSAGE` too, as text/template recovers panics).
   */
  readonly returnsError?: boolean;
  /** Go's type name of the function value, for `%T` (rarely needed). */
  readonly goTypeName?: string;
}

/**
 * The action's log: a Logger interface the action code writes to, and its adapter over
 * @actions/core (info, warning, debug, and collapsible groups).
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The part of @actions/core the logger uses. */
export interface CoreLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export function coreLogger(core: CoreLog): Logger {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    group: (name, fn) => core.group(name, fn),
  };
}

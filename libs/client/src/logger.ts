/**
 * The logging surface the client lib needs. It is a structural subset of pino's Logger, so a pino
 * instance can be passed as is; the lib never writes to the console itself.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const noop = (): void => {};

/** Used when the caller passes no logger: silence rather than console output. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

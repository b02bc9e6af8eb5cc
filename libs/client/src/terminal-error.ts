/**
 * An error a reconcile throws when retrying cannot help (a spec that can never be satisfied):
 * the controller logs it and forgets the key instead of retrying with back-off. The next event
 * for the key still reconciles it again, as in controller-runtime's reconcile.TerminalError.
 */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerminalError';
  }
}

export function isTerminalError(err: unknown): err is TerminalError {
  return err instanceof TerminalError;
}

/** An abortable sleep: resolves after `ms`, or at once (clearing its timer) when the signal aborts. */
export type DelayFn = (ms: number, signal: AbortSignal) => Promise<void>;

export const sleep: DelayFn = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * A gate that lets its waiters through together: the first `wait()` arms a timer, and when it fires
 * everyone waiting by then goes on at once. Writes that pass it together reach etcd together, and
 * etcd commits them in one raft round (one WAL fsync, one watch response) while each stays its own
 * transaction at its own revision. `close()` lets everyone through and disarms the timer.
 */
export class BatchGate {
  private waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly delayMs: number) {}

  wait(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.timer ??= setTimeout(() => this.open(), this.delayMs);
    });
  }

  close(): void {
    this.closed = true;
    this.open();
  }

  private open(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const go = this.waiting;
    this.waiting = [];
    for (const resolve of go) resolve();
  }
}

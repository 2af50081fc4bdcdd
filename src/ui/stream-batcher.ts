// Stream tokens arrive far faster than a terminal should redraw. Deltas are appended to a
// buffer and published at most once per interval (default 64 ms: ≤ ~16 renders/s from the
// stream), plus once at the end, so a long reply costs a bounded number of frames.
export interface BatcherTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: BatcherTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export const STREAM_FLUSH_MS = 64;

export class TokenBatcher {
  private text = '';
  private published = '';
  private timer: unknown = null;

  constructor(
    private readonly publish: (text: string) => void,
    private readonly intervalMs = STREAM_FLUSH_MS,
    private readonly timers: BatcherTimers = realTimers,
  ) {}

  push(delta: string): void {
    this.text += delta;
    if (this.timer === null) this.timer = this.timers.setInterval(() => this.flush(), this.intervalMs);
  }

  /** Publishes what is buffered, if anything changed since the last publish. */
  flush(): void {
    if (this.text === this.published) return;
    this.published = this.text;
    this.publish(this.text);
  }

  get current(): string {
    return this.text;
  }

  /** Final flush and stop; the batcher can be reused after reset(). */
  stop(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  reset(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
    this.text = '';
    this.published = '';
  }
}

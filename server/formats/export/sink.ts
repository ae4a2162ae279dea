// Buffered, backpressure-aware writing to a Node stream, shared by every exporter.

const FLUSH_CHARS = 64 * 1024;

/**
 * Collects small strings and hands them to the stream in ~64 KiB chunks,
 * waiting for 'drain' whenever the stream asks, so memory stays flat however
 * many units are exported.
 */
export class Sink {
  private parts: string[] = [];
  private size = 0;
  private waiter: { resolve: () => void; reject: (e: Error) => void } | null = null;
  private listening = false;
  /** Why the stream can take no more (it closed or failed), once it has. */
  private ended: Error | null = null;

  constructor(private readonly out: NodeJS.WritableStream) {}

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await this.drained();
  }

  /**
   * Waits for 'drain', but gives up when the stream closes or fails first (a client that went away
   * never drains): the export then stops instead of waiting forever. The listeners are added once
   * per sink and stay: behind the compression middleware a response hands 'drain' listeners to its
   * compressor, where removing them through the response does not reach, so one listener per wait
   * would pile up (one per 64 KiB written).
   */
  private drained(): Promise<void> {
    if (this.ended) return Promise.reject(this.ended);
    if (!this.listening) {
      this.listening = true;
      const settle = (err?: Error) => {
        if (err) this.ended ??= err;
        const w = this.waiter;
        this.waiter = null;
        if (w) err ? w.reject(err) : w.resolve();
      };
      this.out.on('drain', () => settle());
      this.out.on('close', () => settle(new Error('the output closed before the export finished')));
      this.out.on('error', (e: Error) => settle(e));
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }
}

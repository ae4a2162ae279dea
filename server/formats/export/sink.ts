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
    if (!this.out.write(chunk)) await drainOrClose(this.out as NodeJS.EventEmitter);
  }
}

/**
 * Waits for 'drain', but gives up when the stream closes or fails first (a client that went away
 * never drains): the export then stops instead of waiting forever.
 */
function drainOrClose(out: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the output closed before the export finished'));
    const onError = (e: Error) => done(e);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}

// Buffered, backpressure-aware writing to a Node stream, shared by every exporter.
import { once } from 'node:events';

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
    if (!this.out.write(chunk)) await once(this.out as NodeJS.EventEmitter, 'drain');
  }
}

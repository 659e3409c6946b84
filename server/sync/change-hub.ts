/**
 * The SSE clients connected to this instance. The only in-memory state the server keeps: it is
 * rebuilt by clients reconnecting, and news reaches it from the database (change-feed.ts), so
 * any instance hears of a change committed through any other.
 */
export class ChangeHub {
  private readonly listeners = new Set<(seq: number) => void>();

  subscribe(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(seq: number): void {
    for (const listener of this.listeners) listener(seq);
  }

  get size(): number {
    return this.listeners.size;
  }
}

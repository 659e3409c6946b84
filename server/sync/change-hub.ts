/**
 * The SSE clients connected to this instance, by clinic. The only in-memory state the server
 * keeps: it is rebuilt by clients reconnecting, and news reaches it from the database
 * (change-feed.ts), so any instance hears of a change committed through any other. A desk hears
 * of its own clinic's changes only.
 */
export class ChangeHub {
  private readonly listeners = new Map<string, Set<(seq: number) => void>>();

  subscribe(clinicId: string, listener: (seq: number) => void): () => void {
    let clinic = this.listeners.get(clinicId);
    if (!clinic) this.listeners.set(clinicId, (clinic = new Set()));
    clinic.add(listener);
    return () => {
      clinic.delete(listener);
      if (clinic.size === 0 && this.listeners.get(clinicId) === clinic) this.listeners.delete(clinicId);
    };
  }

  publish(clinicId: string, seq: number): void {
    for (const listener of this.listeners.get(clinicId) ?? []) listener(seq);
  }

  get size(): number {
    let size = 0;
    for (const clinic of this.listeners.values()) size += clinic.size;
    return size;
  }
}

import type { Knex } from 'knex';
import type { ChangeLogWriter, LockedWriter, ReservedWrite, RowWrite } from './change-log';

/**
 * A push's change-log writer (apply-mutation.ts): the changes of a run of plain mutations — whose
 * checks read no row another change of the push may write — get seqs from a reserved block and
 * are appended together in one statement (`flush`), instead of one round trip each. In
 * `immediate` mode (a mutation whose rules read rows) each change is written at once, after the
 * buffer; the rest of the block is dropped first, so later changes draw seqs above it and the
 * log's order stays the push's order.
 */
export class BufferedLog implements ChangeLogWriter {
  private next = 0;
  private end = -1;
  private buffer: ReservedWrite[] = [];
  /** Write each change at once (a mutation with rules that read rows). */
  immediate = false;

  constructor(
    private readonly log: LockedWriter,
    /** How many seqs to reserve when the block runs out: the plain mutations still to come. */
    private readonly wanted: () => number,
  ) {}

  get trx(): Knex.Transaction {
    return this.log.trx;
  }

  get clinicId(): string {
    return this.log.clinicId;
  }

  async writeRow(write: RowWrite): Promise<number> {
    if (this.immediate) {
      await this.release();
      return this.log.writeRow(write);
    }
    if (this.next > this.end) {
      const count = Math.max(1, this.wanted());
      this.next = await this.log.reserveSeqs(count);
      this.end = this.next + count - 1;
    }
    const seq = this.next;
    this.next += 1;
    this.buffer.push({ ...write, seq });
    return seq;
  }

  /** Appends the buffered changes, so that reads in the transaction see them. */
  async flush(): Promise<void> {
    const writes = this.buffer;
    this.buffer = [];
    await this.log.appendReserved(writes);
  }

  /** Flushes and gives up the rest of the reserved block. */
  async release(): Promise<void> {
    await this.flush();
    this.next = 0;
    this.end = -1;
  }
}

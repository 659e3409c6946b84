import { localize, type ErrorCode, type LocalizedText } from '../../shared/errors/catalog';
import type { Mutation, MutationResult, PullResponse, SnapshotResponse } from '../../shared/sync/protocol';
import type { ProvenSession } from '../../shared/sync/session-proof';
import type { AuditTransport } from './audit-transport';
import type { BlobTransport } from './blob-transfer';
import type { HealthTransport } from './health-transport';

/**
 * What the sync engine needs from the network, rows and blobs (a dictionary release's file);
 * the HTTP one is real, tests may cut or delay it.
 */
export interface SyncTransport extends BlobTransport {
  /** Pushes outbox entries with the proven sessions they name (shared/sync/session-proof.ts). */
  push(mutations: Mutation[], sessions?: readonly ProvenSession[]): Promise<MutationResult[]>;
  pull(since: number, limit: number): Promise<PullResponse>;
  snapshot(after: string | null, upTo: number | null, limit: number): Promise<SnapshotResponse>;
  /** Listens for "the log grew" until the signal aborts or the stream breaks (then it rejects). */
  subscribe(onChange: (seq: number) => void, signal: AbortSignal): Promise<void>;
  /** The server address in use now (after any failover). */
  readonly server: string;
  /** The audit chain's routes; a transport without them (a test's) leaves the chain on the desk. */
  readonly audit?: AuditTransport;
  /** The desks' health routes (G5); a transport without them (a test's) sends no report. */
  readonly health?: HealthTransport;
}

/** The server could not be reached or failed (5xx): try again later, perhaps on the backup. */
export class SyncUnreachableError extends Error {
  override readonly name = 'SyncUnreachableError';
}

/** The server answered and said no (4xx): a fact for staff, not a reason to retry blindly. */
export class SyncRefusedError extends Error {
  override readonly name = 'SyncRefusedError';
  readonly status: number;
  /** A catalogue code, or — from `received` — the server's own, which may be newer than this desk. */
  readonly code: string;
  readonly text: LocalizedText;

  /** A refusal the desk names itself: a catalogue code, its text from the catalogue unless given. */
  constructor(status: number, code: ErrorCode, text: LocalizedText = localize(code, { status })) {
    super(`${status} ${code}: ${text.en}`);
    this.status = status;
    this.code = code;
    this.text = text;
  }

  /** The server's answer as it came: its code and texts, whether or not this desk knows the code. */
  static received(status: number, answer: { code: string; message: LocalizedText }): SyncRefusedError {
    const error = new SyncRefusedError(status, 'sync.refused', answer.message);
    return Object.assign(error, { code: answer.code, message: `${status} ${answer.code}: ${answer.message.en}` });
  }
}

import type { z } from 'zod';
import type { contract } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors/app-error';
import { rightsActions } from '../../../shared/rights/access-actions';
import {
  accessLogPageLines,
  accessPageReader,
  type AccessEvent,
  type AccessLogPage,
} from '../../../shared/rights/access-log';
import type { ActorContext } from '../../core/context';
import { commitWaitingReads } from '../../store/audit-log';
import type { ReadTx, Tx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { SyncRefusedError, SyncUnreachableError } from '../../sync/sync-transport';
import { auditServerOf } from '../audit/audit-server';

type Call = (typeof contract)['patients.accessLog'];
type AccessLogInput = z.output<Call['input']>;
type AccessLogAnswer = z.output<Call['output']>;

interface DeskEventRow {
  seq: number;
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  deviceId: string;
  deviceName: string;
  details: string;
}

/**
 * This desk's own events about the patient, a page by the access log's rules, with the events of
 * the cards merged into it (B2: their history is the same person's), read by `seq` in chunks.
 */
function deskPage(tx: ReadTx | Tx, input: AccessLogInput, after = 0): AccessLogPage {
  const reader = accessPageReader({ ...input, limit: accessLogPageLines });
  let step = reader.next();
  while (!step.done) {
    const { before, size } = step.value;
    const rows = tx.all<DeskEventRow>(
      `WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT p.id FROM patients p JOIN family f ON p.merged_into = f.id)
       SELECT e.seq, e.at, e.action, e.actor_id AS actorId, COALESCE(s.display_name, e.actor_id) AS actorName,
              e.actor_role AS actorRole, e.device_id AS deviceId, COALESCE(d.name, e.device_id) AS deviceName,
              e.details
         FROM audit_events e
         LEFT JOIN staff s ON s.id = e.actor_id
         LEFT JOIN devices d ON d.id = e.device_id
        WHERE e.patient_id IN (SELECT id FROM family) AND e.seq < ? AND e.seq > ?
        ORDER BY e.seq DESC
        LIMIT ?`,
      [input.id, before ?? Number.MAX_SAFE_INTEGER, after, size],
    );
    step = reader.next(rows.map(toEvent));
  }
  return step.value;
}

/** This desk's event as the rules read it: its `details` are the canonical JSON the desk wrote. */
function toEvent(row: DeskEventRow): AccessEvent {
  return { ...row, cursor: row.seq, details: JSON.parse(row.details) as Record<string, unknown> };
}

/**
 * The clinic's first page with this desk's events the server does not hold yet (its chain goes
 * with the next sync) in front: the card just opened here is in the log at once. Their ids are
 * the negated `seq`, apart from the server's positions.
 */
function withUnsent(tx: Tx, input: AccessLogInput, page: AccessLogAnswer, anchoredSeq: number): AccessLogAnswer {
  const unsent = deskPage(tx, { ...input, cursor: undefined }, anchoredSeq);
  if (unsent.lines.length === 0 && unsent.hidden.own + unsent.hidden.listed === 0) return page;
  return {
    ...page,
    lines: [...unsent.lines.map((line) => ({ ...line, id: -line.id })), ...page.lines],
    hidden: { own: page.hidden.own + unsent.hidden.own, listed: page.hidden.listed + unsent.hidden.listed },
  };
}

/**
 * «Журнал доступа» of a card (F2): the clinic-wide log from the server, grouped by the same rules
 * as the cabinet's; this desk's own events, with the note `access_log.unavailable`, when the desk
 * is not enrolled or the server cannot be reached. A page continues from where its source left
 * off (a cursor of one source means nothing to the other). Reading it is audited too, after the
 * page is read, so it is not in it.
 */
export async function patientAccessLog(ctx: ActorContext, input: AccessLogInput): Promise<AccessLogAnswer> {
  const server = input.source === 'desk' ? undefined : auditServerOf(ctx.store);
  let answer: AccessLogAnswer | undefined;
  let anchoredSeq: number | undefined;
  if (server) {
    try {
      const [page, anchor] = await Promise.all([
        server.patientAccess({
          patientId: input.id,
          showOwn: input.showOwn,
          showListed: input.showListed,
          limit: accessLogPageLines,
          ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
        }),
        input.cursor === undefined ? server.anchor() : undefined,
      ]);
      answer = { ...page, source: 'clinic', note: null };
      if (anchor) anchoredSeq = anchor.head?.seq ?? 0;
    } catch (error) {
      if (!(error instanceof SyncUnreachableError || error instanceof SyncRefusedError)) throw error;
      // The next page of the clinic's log cannot be replaced by the desk's: say so instead.
      if (input.source === 'clinic') throw new AppError('access_log.unavailable');
    }
  }
  return ctx.store.transaction((tx) => {
    // The reads still waiting to commit (audit-log.ts) belong in the answer: opening the card came first.
    commitWaitingReads(tx);
    answer =
      answer === undefined
        ? { ...deskPage(tx, input), source: 'desk', note: 'access_log.unavailable' }
        : anchoredSeq === undefined
          ? answer
          : withUnsent(tx, input, answer, anchoredSeq);
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: rightsActions.accessLogRead,
      patientId: input.id,
      details: { source: answer.source },
    });
    return answer;
  });
}

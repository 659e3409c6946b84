import type { KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { maxClockSkewMs, type Mutation } from '../../../shared/sync/protocol';
import { statementText, type ProvenSession } from '../../../shared/sync/session-proof';
import { entrySignatureHolds, refuseEntry, sessionPublicKey } from './entry-proof';
import { refuseStatement, type StatementVerifier } from './statement-proof';

/** The proof check of one push (server/sync/actor-rules.ts asks it for each mutation). */
export interface PushProofs {
  /**
   * Checks the entries' signatures now (pure CPU), so that the check under the change-log lock
   * only looks the answer up. Changes no verdict: an entry is still judged in `refuse`, in order.
   */
  precheck(mutations: readonly Mutation[]): Promise<void>;
  /**
   * Why the mutation's proof of who made it does not hold, or null when it does. `bootstrap`: the
   * mutation is part of the clinic's bootstrap by its first admin, which comes without a session
   * (server/sync/proof/README.md) — asked only when the entry carries no session.
   */
  refuse(
    trx: Knex.Transaction,
    mutation: Mutation,
    isNew: boolean,
    bootstrap: () => Promise<boolean>,
  ): Promise<ErrorCode | null>;
}

/** Entries checked between two yields to the event loop (≈ 0.1 ms each). */
const precheckSlice = 25;

type Verdict = { ok: true; proven: ProvenSession } | { ok: false; code: ErrorCode };

/**
 * Builds the check for a push from `deviceId` at `now` carrying `sessions`. Each session is
 * judged once per push (device, time, proof; the proof once ever, `verified_sessions`), then each
 * entry against it (entry-proof.ts).
 */
export function pushProofs(
  verifier: StatementVerifier,
  push: { deviceId: string; now: Date; sessions: readonly ProvenSession[] },
): PushProofs {
  const sessions = new Map(push.sessions.map((proven) => [proven.statement.sessionId, proven]));
  const verdicts = new Map<string, Promise<Verdict>>();
  const judge = (trx: Knex.Transaction, proven: ProvenSession): Promise<Verdict> => {
    let verdict = verdicts.get(proven.statement.sessionId);
    if (!verdict) {
      verdict = judgeSession(trx, proven, verifier, push);
      verdicts.set(proven.statement.sessionId, verdict);
    }
    return verdict;
  };
  // Each session's key made once per push; null when its statement's key does not parse.
  const keys = new Map<string, KeyObject | null>();
  const keyOf = (proven: ProvenSession): KeyObject | null => {
    const { sessionId } = proven.statement;
    if (!keys.has(sessionId)) keys.set(sessionId, parsedKey(proven));
    return keys.get(sessionId)!;
  };
  const signatures = new Map<Mutation, boolean>();
  return {
    precheck: async (mutations) => {
      for (let done = 0; done < mutations.length; done += precheckSlice) {
        // Yields between slices: another push holding the lock is not kept waiting for its replies.
        if (done > 0) await new Promise(setImmediate);
        for (const mutation of mutations.slice(done, done + precheckSlice)) {
          if (mutation.sessionId === undefined || mutation.signature === undefined) continue;
          const proven = sessions.get(mutation.sessionId);
          const key = proven && keyOf(proven);
          if (proven && key) signatures.set(mutation, entrySignatureHolds(mutation, proven.statement, key));
        }
      }
    },
    refuse: async (trx, mutation, isNew, bootstrap) => {
      if (mutation.sessionId === undefined || mutation.signature === undefined) {
        return (await bootstrap()) ? null : 'sync.proof.missing';
      }
      const proven = sessions.get(mutation.sessionId);
      if (!proven) return 'sync.proof.missing';
      const verdict = await judge(trx, proven);
      if (!verdict.ok) return verdict.code;
      // A key that does not parse throws here, after the verdict, as it did before the precheck.
      const key = keyOf(proven) ?? sessionPublicKey(proven.statement);
      const holds = () => signatures.get(mutation) ?? entrySignatureHolds(mutation, proven.statement, key);
      return refuseEntry(mutation, proven.statement, holds, isNew);
    },
  };
}

async function judgeSession(
  trx: Knex.Transaction,
  proven: ProvenSession,
  verifier: StatementVerifier,
  push: { deviceId: string; now: Date },
): Promise<Verdict> {
  const { statement } = proven;
  if (statement.deviceId !== push.deviceId) return { ok: false, code: 'sync.proof.device_mismatch' };
  if (Date.parse(statement.issuedAt) > push.now.getTime() + maxClockSkewMs)
    return { ok: false, code: 'sync.proof.expired' };
  const text = statementText(statement);
  const known = await trx('verified_sessions')
    .where({ session_id: statement.sessionId })
    .first<{ statement: string } | undefined>('statement');
  if (known && known.statement !== text) return { ok: false, code: 'sync.proof.statement' };
  if (!known) {
    const refused = await refuseStatement(trx, proven, verifier);
    if (refused) return { ok: false, code: refused };
    await trx('verified_sessions')
      .insert({
        session_id: statement.sessionId,
        staff_id: statement.staffId,
        device_id: statement.deviceId,
        statement: text,
        proof_kind: proven.proof.kind,
        verified_at: push.now,
      })
      .onConflict('session_id')
      .ignore();
  }
  return { ok: true, proven };
}

function parsedKey(proven: ProvenSession): KeyObject | null {
  try {
    return sessionPublicKey(proven.statement);
  } catch {
    return null;
  }
}

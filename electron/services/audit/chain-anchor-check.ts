import type { AuditChainPoint } from '../../../shared/audit/audit-chain';
import { chainPoint } from '../../store/audit-log';
import type { Store } from '../../store/open-store';
import type { AuditTransport } from '../../sync/audit-transport';
import { SyncRefusedError, SyncUnreachableError } from '../../sync/sync-transport';

/**
 * This desk's chain against the server's copy of it (issue 10, item 3). The local check alone
 * (`verifyAuditChain`) cannot see a tail cut off, nor a chain edited and re-hashed from the edit
 * on: both are consistent in themselves. The server's copy can: once it holds the head of seq N,
 * - a local head below N is a cut tail (`tail_cut`);
 * - a local hash at N other than the server's is a rewritten chain (`rewritten`; the hashes link,
 *   so one comparison covers every event up to N, and halving finds the first that differs).
 * Events after N are not anchored yet: they are checked by the local chain alone until pushed.
 */
export type AnchorCheck =
  | { status: 'anchored'; serverSeq: number; localSeq: number }
  | { status: 'tail_cut'; serverSeq: number; localSeq: number }
  | { status: 'rewritten'; serverSeq: number; localSeq: number; firstDifferent: number }
  | { status: 'not_anchored'; localSeq: number }
  | { status: 'not_enrolled' | 'unreachable'; localSeq: number };

const localPoint = (store: Store, seq: number | 'head'): AuditChainPoint | undefined =>
  store.read((tx) => chainPoint(tx, seq));

async function firstDifferent(store: Store, server: AuditTransport, upTo: number): Promise<number> {
  // Invariant: the chains agree at `agree` (0: the genesis) and differ at `differ`.
  let agree = 0;
  let differ = upTo;
  while (differ - agree > 1) {
    const middle = Math.floor((agree + differ) / 2);
    const theirs = (await server.anchor(middle)).at;
    if (theirs && theirs.hash === localPoint(store, middle)?.hash) agree = middle;
    else differ = middle;
  }
  return differ;
}

export async function checkChainAnchor(store: Store, server: AuditTransport | undefined): Promise<AnchorCheck> {
  const localSeq = localPoint(store, 'head')?.seq ?? 0;
  if (!server) return { status: 'not_enrolled', localSeq };
  let head: AuditChainPoint | null;
  try {
    head = (await server.anchor()).head;
  } catch (error) {
    if (error instanceof SyncUnreachableError || error instanceof SyncRefusedError) {
      return { status: 'unreachable', localSeq };
    }
    throw error;
  }
  if (!head) return { status: 'not_anchored', localSeq };
  const serverSeq = head.seq;
  if (localSeq < serverSeq) return { status: 'tail_cut', serverSeq, localSeq };
  if (localPoint(store, serverSeq)?.hash !== head.hash) {
    return { status: 'rewritten', serverSeq, localSeq, firstDifferent: await firstDifferent(store, server, serverSeq) };
  }
  return { status: 'anchored', serverSeq, localSeq };
}

import { auditTriggersInPlace, verifyAuditChain, type ChainVerdict } from '../../store/audit-log';
import type { Store } from '../../store/open-store';
import { auditServerOf } from './audit-server';
import { checkChainAnchor, type AnchorCheck } from './chain-anchor-check';

function describeBreak(reason: 'hash' | 'link' | 'sequence'): string {
  switch (reason) {
    case 'hash':
      return 'its content does not match its hash (changed after it was written)';
    case 'link':
      return 'it does not link to the event before it (an event was removed or replaced)';
    case 'sequence':
      return 'its number breaks the sequence (an event was removed or inserted)';
  }
}

function describeAnchor(anchor: AnchorCheck): string {
  switch (anchor.status) {
    case 'anchored':
      return `Server's copy: agrees up to event #${anchor.serverSeq}; ${anchor.localSeq - anchor.serverSeq} newer events not pushed yet`;
    case 'tail_cut':
      return `Server's copy: DIFFERS — the server holds ${anchor.serverSeq} events, this desk ${anchor.localSeq} (the tail was cut)`;
    case 'rewritten':
      return `Server's copy: DIFFERS from event #${anchor.firstDifferent} on (the chain was rewritten and re-hashed)`;
    case 'not_anchored':
      return "Server's copy: none yet (the chain has not been pushed); checked locally only";
    case 'not_enrolled':
      return "Server's copy: none (the desk is not enrolled with a server); checked locally only";
    case 'unreachable':
      return "Server's copy: the server could not be asked; checked locally only";
  }
}

export interface AuditChainCheck {
  chain: ChainVerdict;
  triggers: boolean;
  anchor: AnchorCheck;
  /** No fault: the chain holds, the triggers are there, and the server's copy does not disagree. */
  ok: boolean;
}

/**
 * The whole check of this desk's audit (the auditor's "check the chain", `medcard verify`): the
 * chain recomputed, its append-only triggers, and the chain against the server's copy
 * (chain-anchor-check.ts).
 */
export async function checkAuditChain(store: Store): Promise<AuditChainCheck> {
  const { chain, triggers } = store.read((tx) => ({ chain: verifyAuditChain(tx), triggers: auditTriggersInPlace(tx) }));
  const anchor = await checkChainAnchor(store, auditServerOf(store));
  const anchorOk = anchor.status !== 'tail_cut' && anchor.status !== 'rewritten';
  return { chain, triggers, anchor, ok: chain.ok && triggers && anchorOk };
}

/** `medcard verify`'s audit part, as lines; `ok` is false on any fault found. */
export async function auditChainReport(store: Store): Promise<{ ok: boolean; lines: string[] }> {
  const { chain, triggers, anchor, ok } = await checkAuditChain(store);
  const lines = chain.ok
    ? [`Audit chain: ok, ${chain.events} events, head ${chain.headHash}`]
    : [
        `Audit chain: BROKEN at event #${chain.broken.seq} (${chain.broken.id}): ${describeBreak(chain.broken.reason)}`,
        `  ${chain.events} events before it verify.`,
      ];
  lines.push(triggers ? 'Append-only triggers: in place' : 'Append-only triggers: MISSING (dropped)');
  lines.push(describeAnchor(anchor));
  return { ok, lines };
}

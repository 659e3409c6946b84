import type { Store } from '../../store/open-store';
import type { AuditTransport } from '../../sync/audit-transport';
import { deskServerOf } from '../../sync/desk-server';

/** The server's audit routes (the auditor's screen, `medcard verify`); none for a desk not enrolled. */
export function auditServerOf(store: Store): AuditTransport | undefined {
  return deskServerOf(store)?.audit;
}

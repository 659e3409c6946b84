import type { CallOutput } from '../../../../shared/api/contract';

type Documents = CallOutput<'documents.list'>['items'];
type IdentityDocument = Documents[number];

/** The patient's OMS policy in force: the current (not replaced) one, if recorded. */
export function currentPolicy(documents: Documents): IdentityDocument | null {
  return documents.find((document) => document.type === 'oms_policy' && document.status !== 'superseded') ?? null;
}

/**
 * What about the documents needs the clerk now: a current document past its last valid day, or a
 * changed one whose replacement was not recorded in its 5 business days (B3).
 */
export function documentWarnings(documents: Documents): { expired: IdentityDocument[]; overdue: IdentityDocument[] } {
  return {
    expired: documents.filter((document) => document.status === 'expired'),
    overdue: documents.filter((document) => document.updateOverdue),
  };
}

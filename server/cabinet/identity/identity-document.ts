import type { IdentityDocumentRequest } from '../../../shared/cabinet/identity-requests';
import { HttpError } from '../../http/http-error';
import type { CabinetDeps } from '../cabinet-deps';
import type { CabinetSession } from '../session/cabinet-session-types';
import { cardHasScan, cardHoldsDocument, normaliseDocumentNumber } from './document-match';
import { countAttempt, requireOpenConfirmation } from './identity-guard';
import { linkedCardOf } from './linked-card';

/**
 * Confirmation by an uploaded document (B6): the scan must be one uploaded for this card, and the
 * typed series and number must be those of a document the desk recorded on the card. A match
 * passes; a mismatch is a failed attempt (counted, the third locks). An unknown scan or a
 * malformed number is refused before comparing, and not counted.
 */
export async function checkIdentityDocument(
  deps: Pick<CabinetDeps, 'db' | 'now'>,
  session: CabinetSession,
  input: IdentityDocumentRequest,
): Promise<void> {
  const { db } = deps;
  const card = await linkedCardOf(db, session);
  await requireOpenConfirmation(db, card);
  if (!(await cardHasScan(db, card, input.scanId)))
    throw new HttpError(404, 'cabinet.identity.scan_unknown', { field: 'scanId' });
  const typed = normaliseDocumentNumber(input.documentType, input.series, input.number);
  const matches = await cardHoldsDocument(db, card, typed);
  await countAttempt(
    db,
    card,
    { method: 'document_upload', outcome: matches ? 'passed' : 'failed' },
    deps.now(),
    'cabinet.identity.document_mismatch',
  );
}

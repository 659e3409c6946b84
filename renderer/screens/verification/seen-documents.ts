import type { IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import { seenDocumentTypes, type DocumentSeen, type SeenDocumentType } from '../../../shared/domain/online-identity';
import { displayDocumentNumber } from '../patients/documents/document-labels';

/** A document ticked in the dialog: from the card (`documentId`) or typed in (null). */
export type SeenDocumentChoice = DocumentSeen;

/** One of the card's documents, as its checkbox names it. */
export interface CardDocument {
  id: string;
  type: SeenDocumentType;
  label: string;
}

const acceptable: ReadonlySet<string> = new Set(seenDocumentTypes);

/** The card's documents a clerk may tick as seen: in force, of a kind that proves identity. */
export function cardDocumentsForCheck(documents: readonly IdentityDocumentView[]): CardDocument[] {
  return documents
    .filter((document) => document.status === 'active' && acceptable.has(document.type))
    .map((document) => ({
      id: document.id,
      type: document.type as SeenDocumentType,
      label: displayDocumentNumber(document),
    }));
}

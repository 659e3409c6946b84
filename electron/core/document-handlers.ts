import { addDocument } from '../services/documents/add-document';
import { confirmComparison } from '../services/documents/confirm-comparison';
import { checkPolicy, confirmPolicy } from '../services/documents/confirm-policy';
import { listDocuments } from '../services/documents/read-documents';
import { removeDocument } from '../services/documents/remove-document';
import { replaceDocument } from '../services/documents/replace-document';
import type { Handlers } from './handler-types';

/** Identity documents, the OMS policy and the comparison with the record (B3, B5, B7). */
export const documentHandlers: Handlers<'documents'> = {
  'documents.list': (ctx, input) => listDocuments(ctx, input.patientId),
  'documents.add': (ctx, input) => addDocument(ctx, input),
  'documents.replace': (ctx, input) => replaceDocument(ctx, input),
  'documents.confirmPolicy': (ctx, input) => confirmPolicy(ctx, input),
  'documents.checkPolicy': (ctx, input) => checkPolicy(ctx, input.documentId),
  'documents.confirmComparison': (ctx, input) => confirmComparison(ctx, input),
  'documents.remove': (ctx, input) => removeDocument(ctx, input),
};

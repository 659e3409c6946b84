import {
  cabinetRecordRequestDetailSchema,
  cabinetRecordRequestListSchema,
  cabinetRecordRequestPaths,
  recordRequestCodeSentSchema,
  type RecordRequestDraftInput,
} from '../../../shared/cabinet/record-requests-api';
import { cabinetApiPrefix } from '../../../shared/cabinet/cabinet-api';
import type { CheckedRequest } from '../../api/chart-client';

const withId = (id: string) => cabinetRecordRequestPaths.one.replace(':id', encodeURIComponent(id));

/** Requests for one’s records (issue 14, shared/cabinet/record-requests-api.ts): the client’s checked requests. */
export class RecordRequestCalls {
  constructor(
    private readonly base: string,
    private readonly request: CheckedRequest,
  ) {}

  list = () => this.request('GET', cabinetRecordRequestPaths.list, cabinetRecordRequestListSchema);
  one = (id: string) => this.request('GET', withId(id), cabinetRecordRequestDetailSchema);
  /** The draft checked by the server and its code sent; nothing is written yet. */
  sendCode = (draft: RecordRequestDraftInput) =>
    this.request('POST', cabinetRecordRequestPaths.draft, recordRequestCodeSentSchema, draft);
  /** The same draft with its code: the request is made. */
  confirm = (draft: RecordRequestDraftInput, code: string) =>
    this.request('POST', cabinetRecordRequestPaths.list, cabinetRecordRequestDetailSchema, { draft, code });

  /** A file's address for the browser to download (the session cookie goes with it). */
  fileUrl(requestId: string, fileId: string): string {
    const path = cabinetRecordRequestPaths.file
      .replace(':id', encodeURIComponent(requestId))
      .replace(':fileId', encodeURIComponent(fileId));
    return `${this.base || cabinetApiPrefix}${path}`;
  }
}

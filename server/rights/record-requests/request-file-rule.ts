import type { Knex } from 'knex';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { fileFormats, type FileFormat } from '../../../shared/rights/record-requests';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { formatsOf, requestRow } from '../../cabinet/record-requests/request-rows';
import { refusal, type RuleScope, type TableRule } from '../../sync/table-rules';

/**
 * A file a desk made for a record request (issue 14, F3): written once, never changed, and only
 * for a request of this clinic that is not yet done, of the same patient, in a file format the
 * patient asked for, once its blob is complete on the server (the sync worker uploads it first,
 * protocol `blobFields`) — so a patient never finds a file whose content cannot be served.
 */
const mimes: Readonly<Record<FileFormat, readonly string[]>> = {
  pdf: ['application/pdf'],
  semd: ['application/xml', 'text/xml'],
  fhir: ['application/fhir+json', 'application/json'],
};

const maxNameLength = 255;

async function refuseRequestFile(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: unknown,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string): MutationResult => refusal(mutation, code, field);
  if (current !== undefined) return refuse('records.file.fixed');
  const file = mutation.changed;
  const request = await requestRow(trx, scope.clinicId, String(file.request_id ?? ''));
  if (!request) return refuse('records.file.request_unknown', 'request_id');
  if (file.patient_id !== request.data.patient_id) return refuse('records.file.patient_mismatch', 'patient_id');
  if (request.data.status === 'done') return refuse('records.request.done', 'request_id');
  const format = fileFormats.find((known) => known === file.format);
  if (!format || !formatsOf(request.data).includes(format)) return refuse('records.request.format_not_asked', 'format');
  const name = file.file_name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > maxNameLength || /[/\\\0]/.test(name))
    return refuse('records.file.invalid', 'file_name');
  if (typeof file.mime !== 'string' || !mimes[format].includes(file.mime))
    return refuse('records.file.invalid', 'mime');
  const size = file.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0)
    return refuse('records.file.invalid', 'size');
  if (file.withheld !== 0 && file.withheld !== 1 && file.withheld !== undefined)
    return refuse('records.file.invalid', 'withheld');
  const sha256 = file.sha256;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    return refuse('records.file.blob_missing', 'sha256');
  const blob = await trx('blobs')
    .where({ clinic_id: scope.clinicId, sha256, complete: true })
    .first<{ received: unknown } | undefined>('received');
  if (!blob || Number(blob.received) !== size) return refuse('records.file.blob_missing', 'sha256');
  return null;
}

/** Files of record requests: the desk that fulfils (`records.release`) adds them, once. */
export const recordRequestFileRule: TableRule = {
  table: 'record_request_files',
  permission: 'records.release',
  refuse: refuseRequestFile,
};

import { recordDownloadDays } from '../../../shared/rights/record-requests';
import type { Mutation } from '../../../shared/sync/protocol';
import { applicationRuntime } from '../../cabinet/applications/application-runtime';
import { cabinetRecordRequestsPage, noticeAboutRequest } from '../../cabinet/record-requests/request-notices';
import { requestRow } from '../../cabinet/record-requests/request-rows';
import type { ChangeLogWriter } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';
import type { RowState } from '../../sync/table-rules';

const dayMs = 86_400_000;

/**
 * Once a desk's `done` is applied, in the same transaction: the server opens the files' download
 * for `recordDownloadDays` from the fulfilment (`available_until`), marks the patient told
 * (`notified_at`) and queues «документы готовы» with the number, the last day and a link to the
 * cabinet's requests. Both marks are the server's own change, pulled by every desk. A server
 * without the cabinet (no public address) still opens the download; the notice waits for none.
 */
export async function followFulfilment(
  log: ChangeLogWriter,
  mutation: Mutation,
  before: RowState | undefined,
  now: Date,
): Promise<void> {
  if (before?.data.status === 'done') return;
  const row = await requestRow(log.trx, log.clinicId, mutation.rowId);
  if (!row || row.data.status !== 'done') return;
  const fulfilledAt = Date.parse(String(row.data.fulfilled_at));
  const availableUntil = new Date(
    (Number.isNaN(fulfilledAt) ? now.getTime() : fulfilledAt) + recordDownloadDays * dayMs,
  );
  const at = now.toISOString();
  const runtime = applicationRuntime(log.trx);
  const told =
    runtime !== undefined &&
    (await noticeAboutRequest(
      log.trx,
      {
        clinicId: log.clinicId,
        accountId: row.data.account_id,
        requestId: row.id,
        template: 'record_request_ready',
        params: {
          number: String(row.data.number),
          availableUntil: availableUntil.toISOString(),
          link: `${runtime.publicUrl.replace(/\/+$/, '')}${cabinetRecordRequestsPage}`,
        },
      },
      now,
    ));
  await writeServerRow(
    log,
    'record_requests',
    row.id,
    row,
    { available_until: availableUntil.toISOString(), notified_at: told ? at : null },
    at,
  );
}

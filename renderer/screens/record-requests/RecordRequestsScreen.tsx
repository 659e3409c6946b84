import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { recordRequestFilterSchema, type RecordRequestFilter } from '../../../shared/api/record-request-calls';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { requestChangedEvent, requestEvents } from './request-events';
import { RequestFilters } from './RequestFilters';
import { RequestPanel } from './RequestPanel';
import { RequestQueueTable } from './RequestQueueTable';

/** Typing in the search box asks after a pause, not at every key. */
const typingDelayMs = 250;
const defaultFilter = recordRequestFilterSchema.parse({});

/**
 * «Запросы документов» (F3): the patients' record requests, overdue first, then by due date; Enter
 * on a row opens the request's panel beside the queue (its id in the address, so a reload keeps it).
 */
export function RecordRequestsScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const openId = params.get('request');
  const [filter, setFilter] = useState<RecordRequestFilter>(defaultFilter);
  const [reads, setReads] = useState(0);
  const panelTitleId = useId();
  const key = JSON.stringify(filter);
  const queue = useApiQuery(
    `record-requests:${key}:${reads}`,
    (api) => api.recordRequests.queue({ filter }),
    filter.search === '' ? 0 : typingDelayMs,
  );
  useEffect(() => {
    const reread = () => setReads((count) => count + 1);
    requestEvents.addEventListener(requestChangedEvent, reread);
    return () => requestEvents.removeEventListener(requestChangedEvent, reread);
  }, []);
  const data = queue.status === 'ok' ? queue.data : queue.status === 'loading' ? queue.previous : null;
  const counts = data?.counts;
  const open = (id: string | null) => setParams(id === null ? {} : { request: id });

  return (
    <>
      <ScreenHeader
        title={t('recordRequests.title')}
        subtitle={
          <>
            {t('recordRequests.subtitle')}
            {counts && (
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, ml: 1 }}>
                <Chip size="small" label={t('recordRequests.waiting', { count: counts.open + counts.inWork })} />
                {counts.overdue > 0 && (
                  <Chip
                    size="small"
                    color="error"
                    label={t('recordRequests.overdueCount', { count: counts.overdue })}
                  />
                )}
              </Box>
            )}
          </>
        }
      />
      <RequestFilters filter={filter} onChange={setFilter} />
      {queue.status === 'failed' ? (
        <ApiErrorAlert title={t('recordRequests.loadFailed')} problems={[queue.error]} />
      ) : !data ? (
        <Loading space={6} />
      ) : data.items.length === 0 ? (
        <EmptyState
          title={t('recordRequests.emptyTitle')}
          hint={
            key === JSON.stringify(defaultFilter) ? t('recordRequests.emptyHint') : t('recordRequests.emptyFiltered')
          }
        />
      ) : (
        <RequestQueueTable key={key} items={data.items} selectedId={openId} onOpen={(item) => open(item.id)} />
      )}
      <Drawer
        anchor="right"
        open={openId !== null}
        onClose={() => open(null)}
        slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } }, 'aria-labelledby': panelTitleId } }}
      >
        {openId !== null && <RequestPanel key={openId} id={openId} titleId={panelTitleId} onClose={() => open(null)} />}
      </Drawer>
    </>
  );
}

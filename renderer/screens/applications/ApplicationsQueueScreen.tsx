import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import {
  applicationQueueFilterSchema,
  type ApplicationQueueFilter,
  type ApplicationQueueItem,
  type QueueCursor,
} from '../../../shared/api/application-calls';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ApplicationsFilters } from './ApplicationsFilters';
import { ApplicationsQueueTable } from './ApplicationsQueueTable';

const pageSize = 50;
/** Typing in the search box asks after a pause, not at every key. */
const typingDelayMs = 250;

/** «Заявления»: the queue of applications for online access, nearest deadline first (C2, C6). */
export function ApplicationsQueueScreen() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ApplicationQueueFilter>(() => applicationQueueFilterSchema.parse({}));
  const key = JSON.stringify(filter);
  const queue = useApiQuery(
    `applications-queue:${key}`,
    (api) => api.applications.queue({ filter, limit: pageSize }),
    filter.search === '' ? 0 : typingDelayMs,
  );
  const data = queue.status === 'ok' ? queue.data : queue.status === 'loading' ? queue.previous : null;
  const counts = data?.counts;

  return (
    <>
      <ScreenHeader
        title={t('applications.title')}
        subtitle={
          <>
            {t('applications.subtitle')}
            {counts && (
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, ml: 1 }}>
                <Chip
                  size="small"
                  label={t('applications.waiting', { count: counts.byStatus.submitted + counts.byStatus.in_review })}
                />
                {counts.overdue > 0 && (
                  <Chip size="small" color="error" label={t('applications.overdueCount', { count: counts.overdue })} />
                )}
              </Box>
            )}
          </>
        }
        action={
          <Button component={RouterLink} to="/applications/report" variant="outlined">
            {t('applications.reportLink')}
          </Button>
        }
      />
      <ApplicationsFilters filter={filter} onChange={setFilter} />
      {queue.status === 'failed' ? (
        <ApiErrorAlert title={t('applications.loadFailed')} problems={[queue.error]} />
      ) : !data ? (
        <Loading space={6} />
      ) : data.items.length === 0 ? (
        <EmptyState
          title={t('applications.emptyTitle')}
          hint={
            key === JSON.stringify(applicationQueueFilterSchema.parse({}))
              ? t('applications.emptyHint')
              : t('applications.emptyFiltered')
          }
        />
      ) : (
        // A fresh list per filter: pages shown under another filter do not carry over.
        <QueuePages key={key} filter={filter} first={data.items} next={data.next} />
      )}
    </>
  );
}

/** The first page and those the clerk asked for after it, continued from the last row shown (keyset). */
function QueuePages({
  filter,
  first,
  next,
}: {
  filter: ApplicationQueueFilter;
  first: readonly ApplicationQueueItem[];
  next: QueueCursor | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [more, setMore] = useState<{ items: ApplicationQueueItem[]; next: QueueCursor | null }>({ items: [], next });
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => new Date());

  async function loadMore() {
    if (!more.next || busy) return;
    setBusy(true);
    const answer = await api.applications.queue({ filter, after: more.next, limit: pageSize });
    setBusy(false);
    if (answer.ok) setMore((prior) => ({ items: [...prior.items, ...answer.data.items], next: answer.data.next }));
  }

  return (
    <>
      <ApplicationsQueueTable items={[...first, ...more.items]} now={now} />
      {more.next && (
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <Button onClick={() => void loadMore()} disabled={busy}>
            {t('applications.more')}
          </Button>
        </Box>
      )}
    </>
  );
}

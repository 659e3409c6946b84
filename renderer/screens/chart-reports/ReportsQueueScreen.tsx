import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportStatuses, type ReportStatus } from '../../../shared/chart/inaccuracy';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ReportPanel } from './ReportPanel';
import { ReportsTable, type QueueItem } from './ReportsTable';

const pageSize = 200;

/**
 * «Неточности в картах»: the reviewer queue of patients' inaccuracy reports (D4, seed §6.3),
 * nearest deadline first so the overdue ones lead; a report opens beside the list, to be answered
 * by amending the entry or declining with a reason. Keyboard-first: arrows and Enter in the list,
 * Escape back to it.
 */
export function ReportsQueueScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReportStatus>('open');
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const queue = useApiQuery(`chart-reports:${status}:${generation}`, (api) =>
    api.chart['reports.queue']({ status, limit: pageSize }),
  );
  const data = queue.status === 'ok' ? queue.data : queue.status === 'loading' ? queue.previous : null;
  const items = data?.items ?? [];
  const report = items.find((item) => item.id === opened) ?? null;

  useEffect(() => {
    setSelected(0);
    setOpened(null);
  }, [status]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const close = useCallback(() => {
    setOpened(null);
    // Back to the list, on the row that was open.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus());
  }, []);

  return (
    <>
      <ScreenHeader
        title={t('chartReports.title')}
        subtitle={
          <>
            {t('chartReports.subtitle')}
            {data && (
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, ml: 1 }}>
                <Chip size="small" label={t('chartReports.open', { count: data.open })} />
                {data.overdue > 0 && (
                  <Chip size="small" color="error" label={t('chartReports.overdueCount', { count: data.overdue })} />
                )}
              </Box>
            )}
          </>
        }
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={status}
        onChange={(_event, value: ReportStatus | null) => value && setStatus(value)}
        aria-label={t('chartReports.statusFilter')}
        color="primary"
        // MUI's unselected toggle text is too faint on the desk's background (axe: color-contrast).
        sx={{ mb: 2 }}
      >
        {reportStatuses.map((value) => (
          <ToggleButton key={value} value={value}>
            {t(`chartReports.statuses.${value}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {queue.status === 'failed' ? (
        <ApiErrorAlert title={t('chartReports.loadFailed')} problems={[queue.error]} />
      ) : !data ? (
        <Loading space={6} />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('chartReports.emptyTitle')}
          hint={status === 'open' ? t('chartReports.emptyOpen') : t('chartReports.emptyClosed')}
        />
      ) : (
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', lg: report ? '1fr 1fr' : '1fr' },
            alignItems: 'start',
          }}
        >
          <Box>
            <ReportsTable
              items={items}
              selected={selected}
              now={now}
              onSelect={setSelected}
              onOpen={(item: QueueItem) => setOpened(item.id)}
            />
            {!report && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('chartReports.pick')}
              </Typography>
            )}
          </Box>
          {report && <ReportPanel key={report.id} report={report} onClose={close} onDecided={reload} />}
        </Box>
      )}
    </>
  );
}

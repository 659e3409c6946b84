import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartFilter } from '../../../shared/chart/chart-views';
import type { Patient } from '../../../shared/domain/patient';
import { usePermissions } from '../../app/session';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ChartAccessBar } from './access/ChartAccessBar';
import { EntryPanel } from './entry/EntryPanel';
import { ExportButton } from './export/ExportButton';
import { NewEntryMenu } from './entry/forms-slot';
import { ChartFilters, IncludeDeletedSwitch, noChartFilter } from './history/ChartFilters';
import { HistoryList } from './history/HistoryList';
import { useChartHistory } from './history/use-chart-history';
import { useChartKeys } from './history/use-chart-keys';
import { useSettledFilter } from './history/use-settled-filter';

/**
 * «Медкарта»: the patient's history of illness for a doctor (D1) — filters over a virtualised
 * timeline, newest first, and the opened entry beside it. Keyboard-first: `/` searches, arrows
 * move, Enter opens, Escape closes, `N` starts a new encounter.
 */
export function ChartTab({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const mayWrite = usePermissions()('chart.write');
  const [filter, setFilter] = useState<ChartFilter>(noChartFilter);
  const settled = useSettledFilter(filter);
  const history = useChartHistory(patient.id, settled);
  const doctors = useApiQuery('chart-doctors', (api) => api.chart.doctors({}));
  const [openId, setOpenId] = useState<string | null>(null);
  const search = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const newEntry = useRef<HTMLDivElement | null>(null);
  // The filters' own typed dates start again when the filter is reset from outside them.
  const [resets, setResets] = useState(0);
  const resetFilter = () => {
    setFilter({ ...noChartFilter, includeDeleted: filter.includeDeleted });
    setResets((count) => count + 1);
  };

  const closeEntry = useCallback(() => {
    setOpenId(null);
    list.current?.focus();
  }, []);

  useChartKeys({
    search: () => {
      search.current?.focus();
      search.current?.select();
    },
    // The forms' menu is a button: N presses it, as a click would.
    newEntry: mayWrite ? () => newEntry.current?.querySelector('button')?.click() : null,
    close: openId ? () => closeEntry() : null,
  });

  const filtered = JSON.stringify({ ...filter, includeDeleted: false }) !== JSON.stringify(noChartFilter);
  const empty = history.status === 'ok' && history.items.length === 0;

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="h2" sx={{ mr: 1 }}>
          {t('chart.history.label')}
        </Typography>
        {history.total !== null && (
          <Typography color="text.secondary" role="status">
            {t('chart.history.total', { count: history.total })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        {filtered && <Button onClick={resetFilter}>{t('chart.filters.reset')}</Button>}
        <IncludeDeletedSwitch filter={filter} onChange={setFilter} />
        <ExportButton patientId={patient.id} />
        {mayWrite && (
          <Box ref={newEntry}>
            <NewEntryMenu
              patientId={patient.id}
              onRecorded={(id) => {
                history.reload();
                setOpenId(id);
              }}
            />
          </Box>
        )}
      </Box>
      <ChartAccessBar patientId={patient.id} historyError={history.error} onChanged={history.reload} />
      <ChartFilters
        key={resets}
        filter={filter}
        doctors={doctors.status === 'ok' ? doctors.data.items : []}
        onChange={setFilter}
        searchRef={search}
      />
      {history.status === 'failed' && history.error && history.error.code !== 'chart.access.outside_team' && (
        <ApiErrorAlert title={t('chart.history.loadFailed')} problems={[history.error]}>
          <Button color="inherit" size="small" onClick={history.reload} sx={{ mt: 1 }}>
            {t('chart.history.retry')}
          </Button>
        </ApiErrorAlert>
      )}
      {history.status === 'ok' && history.error && (
        <Alert
          severity="warning"
          sx={{ mb: 1 }}
          action={
            <Button color="inherit" size="small" onClick={history.reload}>
              {t('chart.history.retry')}
            </Button>
          }
        >
          {t('chart.history.loadFailed')}
        </Alert>
      )}
      <Box sx={{ height: 4, mb: 0.5 }}>
        {history.status === 'loading' && history.items.length > 0 && <LinearProgress aria-hidden />}
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: openId ? { xs: '1fr', lg: 'minmax(0, 1.15fr) minmax(0, 1fr)' } : '1fr',
          gap: 2,
          height: 'max(360px, calc(100vh - 330px))',
        }}
      >
        {history.status === 'loading' && history.items.length === 0 ? (
          <Loading space={6} />
        ) : empty ? (
          <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <EmptyState
              headingLevel="h3"
              title={filtered ? t('chart.history.nothingFound.title') : t('chart.history.empty.title')}
              hint={filtered ? t('chart.history.nothingFound.hint') : t('chart.history.empty.hint')}
              action={
                filtered ? (
                  <Button variant="outlined" onClick={resetFilter}>
                    {t('chart.filters.reset')}
                  </Button>
                ) : undefined
              }
            />
          </Box>
        ) : (
          <HistoryList
            key={JSON.stringify(settled)}
            ref={list}
            items={history.items}
            total={history.total}
            hasMore={history.hasMore}
            loadingMore={history.loadingMore}
            loadMore={history.loadMore}
            openId={openId}
            onOpen={(item) => setOpenId(item.id)}
          />
        )}
        {openId && <EntryPanel id={openId} onClose={closeEntry} onOpen={setOpenId} onChanged={history.reload} />}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('chart.history.keyboardHint')}
      </Typography>
    </Box>
  );
}

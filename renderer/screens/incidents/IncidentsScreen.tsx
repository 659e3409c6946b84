import AddAlertOutlined from '@mui/icons-material/AddAlertOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { announceIncidentChange, incidentChangedEvent, incidentEvents } from './incident-events';
import { IncidentQueueTable } from './IncidentQueueTable';
import { ReportDialog } from './ReportDialog';

/**
 * «Инциденты» (§6.2): the clinic's incident log, open ones first; anyone reports one from here,
 * Enter on a row opens it. A leak's row shows its nearest 152-ФЗ deadline counting down.
 */
export function IncidentsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [reporting, setReporting] = useState(false);
  const [reads, setReads] = useState(0);
  const list = useApiQuery(`incidents:${filter}:${reads}`, (api) => api.incidents.list({ filter }));
  useEffect(() => {
    const reread = () => setReads((count) => count + 1);
    incidentEvents.addEventListener(incidentChangedEvent, reread);
    return () => incidentEvents.removeEventListener(incidentChangedEvent, reread);
  }, []);
  const data = list.status === 'ok' ? list.data : list.status === 'loading' ? list.previous : null;
  const counts = data?.counts;

  return (
    <>
      <ScreenHeader
        title={t('incidents.title')}
        subtitle={
          <>
            {t('incidents.subtitle')}
            {counts && (
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, ml: 1 }}>
                <Chip size="small" label={t('incidents.activeCount', { count: counts.open + counts.handling })} />
                {counts.leaks > 0 && (
                  <Chip size="small" color="error" label={t('incidents.leakCount', { count: counts.leaks })} />
                )}
              </Box>
            )}
          </>
        }
        action={
          <Button variant="contained" startIcon={<AddAlertOutlined />} onClick={() => setReporting(true)}>
            {t('incidents.report')}
          </Button>
        }
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={filter}
        onChange={(_event, value: 'open' | 'all' | null) => value && setFilter(value)}
        aria-label={t('incidents.filter.label')}
        sx={{ mb: 2 }}
      >
        <ToggleButton value="open">{t('incidents.filter.open')}</ToggleButton>
        <ToggleButton value="all">{t('incidents.filter.all')}</ToggleButton>
      </ToggleButtonGroup>
      {list.status === 'failed' ? (
        <ApiErrorAlert title={t('incidents.loadFailed')} problems={[list.error]} />
      ) : !data ? (
        <Loading space={6} />
      ) : data.items.length === 0 ? (
        <EmptyState
          title={filter === 'open' ? t('incidents.emptyTitle') : t('incidents.emptyAll')}
          hint={t('incidents.emptyHint')}
        />
      ) : (
        <IncidentQueueTable key={filter} items={data.items} onOpen={(item) => void navigate(`/incidents/${item.id}`)} />
      )}
      {reporting && (
        <ReportDialog
          onClose={() => setReporting(false)}
          onDone={(detail) => {
            setReporting(false);
            announceIncidentChange();
            void navigate(`/incidents/${detail.incident.id}`);
          }}
        />
      )}
    </>
  );
}

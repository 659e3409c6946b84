import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { FieldMessage } from '../../forms/FieldMessage';
import { formatDateTime } from '../../format/date-time';
import { SyncProgressBar } from '../../sync/SyncProgressBar';
import { SyncToneIcon } from '../../sync/SyncToneIcon';
import type { SyncSummary } from '../../sync/sync-summary';
import { FieldList, type FieldListItem } from '../../ui/FieldList';
import { SectionCard } from '../../ui/SectionCard';

function SyncFacts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const facts: FieldListItem[] = [
    status.server
      ? { label: t('sync.page.server'), value: status.server }
      : { label: t('sync.page.server'), value: t('sync.page.noServer'), missing: true },
    status.lastSyncAt
      ? { label: t('sync.page.lastSync'), value: formatDateTime(status.lastSyncAt) }
      : { label: t('sync.page.lastSync'), value: t('sync.page.never'), missing: true },
    status.pending > 0
      ? { label: t('sync.page.pending'), value: t('sync.page.pendingValue', { count: status.pending }) }
      : { label: t('sync.page.pending'), value: t('sync.page.nothingPending'), missing: true },
  ];
  return <FieldList items={facts} />;
}

/** Why the last attempt failed, with the code for support, and what happens to the changes. */
function SyncErrorAlert({ status, error }: { status: SyncStatus; error: NonNullable<SyncStatus['error']> }) {
  const { t } = useTranslation();
  const refused = status.status === 'refused';
  return (
    <Alert severity={refused ? 'error' : 'warning'} sx={{ mt: 3 }}>
      <AlertTitle>{t('sync.page.errorTitle')}</AlertTitle>
      <FieldMessage problem={error} />
      <Box sx={{ mt: 1 }}>{refused ? t('sync.page.refusedHint') : t('sync.page.errorHint')}</Box>
    </Alert>
  );
}

/** The state in one line, the progress of long work, and the facts behind it. */
export function SyncOverview({ summary, status }: { summary: SyncSummary; status: SyncStatus | null }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('sync.page.state')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: summary.progress ? 1.5 : 3 }}>
        <SyncToneIcon tone={summary.tone} fontSize={28} />
        <Typography sx={{ fontSize: '1.25rem' }}>{summary.text}</Typography>
      </Box>
      {summary.progress && (
        <SyncProgressBar progress={summary.progress} sx={{ height: 8, borderRadius: 4, mb: 3, maxWidth: 720 }} />
      )}
      {status && <SyncFacts status={status} />}
      {status?.error && <SyncErrorAlert status={status} error={status.error} />}
    </SectionCard>
  );
}

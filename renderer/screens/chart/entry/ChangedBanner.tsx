import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/date-time';
import type { EntryWatch } from './use-entry-watch';

/** Another desk changed (or removed) the open entry (D5): said at once, with both versions a click away. */
export function ChangedBanner({
  change,
  onCompare,
  onReload,
}: {
  change: EntryWatch;
  onCompare(): void;
  onReload(): void;
}) {
  const { t } = useTranslation();
  const by = change.updatedBy ?? t('chart.entry.someone');
  const at = formatDateTime(change.updatedAt);
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
      {change.deleted
        ? t('chart.entry.watch.removed', { at, by })
        : t('chart.entry.watch.changed', { at, by, revision: change.revision })}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        <Button variant="outlined" color="inherit" size="small" onClick={onCompare}>
          {t('chart.entry.watch.compare')}
        </Button>
        <Button color="inherit" size="small" onClick={onReload}>
          {t('chart.entry.watch.reload')}
        </Button>
      </Box>
    </Alert>
  );
}

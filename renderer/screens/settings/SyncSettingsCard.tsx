import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { SyncToneIcon } from '../../sync/SyncToneIcon';
import { useSyncSummary } from '../../sync/sync-summary';
import { syncPath } from '../../sync/sync-route';

/** The sync state in one line and the way to the sync page, where it is set up and explained. */
export function SyncSettingsCard() {
  const { t } = useTranslation();
  const { summary } = useSyncSummary();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {t('settings.sync')}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        <SyncToneIcon tone={summary.tone} fontSize={22} />
        <Typography>{summary.text}</Typography>
      </Box>
      <Button component={RouterLink} to={syncPath} variant="outlined">
        {t('settings.openSync')}
      </Button>
    </Paper>
  );
}

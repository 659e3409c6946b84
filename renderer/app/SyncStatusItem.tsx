import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { syncPath, syncConflictsState } from '../sync/sync-route';
import { SyncProgressBar } from '../sync/SyncProgressBar';
import { SyncToneIcon } from '../sync/SyncToneIcon';
import { useSyncSummary } from '../sync/sync-summary';

/** The status bar's sync state (UX.md "The frame"): a link to the sync page, and the conflicts. */
export function SyncStatusItem() {
  const { t } = useTranslation();
  const { summary, status } = useSyncSummary();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
      <Link
        component={RouterLink}
        to={syncPath}
        color="inherit"
        underline="hover"
        title={summary.text}
        sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0, minHeight: 32 }}
      >
        <SyncToneIcon tone={summary.tone} />
        <Typography component="span" variant="body2" noWrap>
          {summary.text}
        </Typography>
      </Link>
      {summary.progress && summary.progress.percent !== null && (
        <SyncProgressBar progress={summary.progress} sx={{ width: 120, flexShrink: 0 }} />
      )}
      {status && status.conflicts > 0 && (
        <Chip
          component={RouterLink}
          to={syncPath}
          state={syncConflictsState}
          clickable
          size="small"
          color="warning"
          variant="outlined"
          label={t('status.conflicts', { count: status.conflicts })}
        />
      )}
    </Box>
  );
}

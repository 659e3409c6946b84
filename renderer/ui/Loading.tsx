import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';

/** The one "still loading" a screen or section shows: a spinner, centred, named for screen readers. */
export function Loading({ space = 4 }: { space?: number }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: space }}>
      <CircularProgress aria-label={t('common.loading')} />
    </Box>
  );
}

import Chip from '@mui/material/Chip';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../../api/use-polled-query';
import { visuallyHidden } from '../../ui/visually-hidden';

const pollMs = 15_000;

/** The rail's count of patients waiting for the in-person check; nothing while none wait. */
export function VerificationCounter() {
  const { t } = useTranslation();
  const { state } = usePolledQuery((api) => api.verification.count({}), pollMs);
  const waiting = state.status === 'ok' ? state.data.waiting : 0;
  if (waiting === 0) return null;
  return (
    <>
      <Box component="span" sx={visuallyHidden}>
        {t('verification.waiting', { count: waiting })}
      </Box>
      <Chip component="span" size="small" color="error" label={waiting} aria-hidden sx={{ ml: 1, fontWeight: 600 }} />
    </>
  );
}

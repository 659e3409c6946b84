import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../../api/use-polled-query';
import { visuallyHidden } from '../../ui/visually-hidden';
import { verificationEvents, verifiedEvent } from './verification-events';

const pollMs = 15_000;

/**
 * The rail's count of patients waiting for the in-person check, as a badge on the section's icon
 * (and words for screen readers); no badge while nobody waits.
 */
export function VerificationCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, refresh } = usePolledQuery((api) => api.verification.count({}), pollMs);
  useEffect(() => {
    verificationEvents.addEventListener(verifiedEvent, refresh);
    return () => verificationEvents.removeEventListener(verifiedEvent, refresh);
  }, [refresh]);
  const waiting = state.status === 'ok' ? state.data.waiting : 0;
  // No badge at all while nobody waits: an invisible one would still put "0" in the link's text.
  if (waiting === 0) return children;
  return (
    <>
      <Badge badgeContent={waiting} color="error" max={99} aria-hidden>
        {children}
      </Badge>
      <Box component="span" sx={visuallyHidden}>
        {t('verification.waiting', { count: waiting })}
      </Box>
    </>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ShareConsent } from '../../../../shared/chart/chart-views';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { formatDateTime } from '../../../format/date-time';
import type { ConsentState } from './consent-state';

const stateColor = { active: 'success', revoked: 'default', expired: 'warning' } as const;

/** One consent to share: who may receive what, until when, how it was given; send or revoke while in force. */
export function ConsentItem({
  consent,
  state,
  onSend,
  onRevoke,
}: {
  consent: ShareConsent;
  state: ConsentState;
  onSend(): void;
  onRevoke(): void;
}) {
  const { t } = useTranslation();
  const { recipient } = consent;
  return (
    <Box component="li" sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider', listStyle: 'none' }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600 }}>{recipient.name}</Typography>
        <Typography color="text.secondary">
          {[recipient.specialty, recipient.organisation].filter(Boolean).join(', ')} · {recipient.email}
        </Typography>
        <Chip size="small" color={stateColor[state]} label={t(`chartSharing.state.${state}`)} />
        <Box sx={{ flexGrow: 1 }} />
        {state === 'active' && (
          <>
            <Button variant="contained" size="small" onClick={onSend}>
              {t('chartSharing.send')}
            </Button>
            <Button variant="outlined" color="error" size="small" onClick={onRevoke}>
              {t('chartSharing.revoke')}
            </Button>
          </>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t(`chartSharing.scope.${consent.scope}`, { count: consent.entryIds.length })} ·{' '}
        {consent.validUntil
          ? t('chartSharing.validUntil', { date: formatRussianDate(consent.validUntil) })
          : t('chartSharing.untilRevoked')}{' '}
        ·{' '}
        {t('chartSharing.given', {
          date: formatDateTime(consent.givenAt),
          via: t(`chartSharing.via.${consent.givenVia}`),
        })}
      </Typography>
      {consent.revokedAt && (
        <Typography variant="body2">
          {t('chartSharing.revokedAt', {
            date: formatDateTime(consent.revokedAt),
            reason: consent.revocationReason ?? '',
          })}
        </Typography>
      )}
    </Box>
  );
}

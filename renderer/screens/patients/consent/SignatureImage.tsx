import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentView } from '../../../../shared/api/consent-calls';
import { useApiQuery } from '../../../api/use-api-query';
import { formatDateTime } from '../../../format/date-time';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';

/** A consent's signature drawn on screen, fetched (and its reading audited) only when asked for. */
export function SignatureImage({ consent }: { consent: ConsentView }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const image = useApiQuery(
    `consent-signature:${consent.id}:${shown}`,
    shown ? (api) => api.consents.signature({ consentId: consent.id }) : null,
  );
  if (!shown) {
    return (
      <Button size="small" onClick={() => setShown(true)}>
        {t('consent.history.showSignature')}
      </Button>
    );
  }
  if (image.status === 'failed') return <ApiErrorAlert title={t('consent.loadFailed')} problems={[image.error]} />;
  if (image.status !== 'ok') return <CircularProgress size={20} aria-label={t('common.loading')} />;
  return (
    <Box
      component="img"
      src={`data:${image.data.mime};base64,${image.data.data}`}
      alt={t('consent.history.signatureAlt', { date: formatDateTime(consent.acceptedAt) })}
      sx={{ display: 'block', width: 180, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
    />
  );
}

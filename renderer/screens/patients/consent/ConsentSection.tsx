import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/date-time';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Notice } from '../../../ui/Notice';
import { SectionCard } from '../../../ui/SectionCard';
import { AcceptConsentDialog } from './AcceptConsentDialog';
import { ConsentHistory } from './ConsentHistory';
import { announceConsentChange } from './consent-events';
import { ConsentStateChip } from './ConsentStateChip';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { Loading } from '../../../ui/Loading';

/**
 * The patient's consent to personal-data processing (B8): whether their data may go online now
 * (the chip), accepting and withdrawing, and the history.
 */
export function ConsentSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const [dialog, setDialog] = useState<'accept' | 'withdraw' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useApiQuery(`consent-state:${patientId}:${revision}`, (client) => client.consents.state({ patientId }));
  const data = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : null;

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    setRevision((value) => value + 1);
    announceConsentChange(patientId);
  };

  const current = data?.current ?? null;
  const hint = (() => {
    if (!data) return '';
    if (data.reason === 'valid' && current)
      return t('consent.stateHint.valid', { date: formatDateTime(current.acceptedAt), version: current.textVersion });
    if (data.reason === 'withdrawn' && current?.withdrawnAt)
      return t('consent.stateHint.withdrawn', { date: formatDateTime(current.withdrawnAt) });
    return t('consent.stateHint.none');
  })();

  return (
    <SectionCard title={t('consent.title')}>
      <Notice onClose={() => setNotice(null)}>{notice}</Notice>
      {state.status === 'failed' && <ApiErrorAlert title={t('consent.loadFailed')} problems={[state.error]} />}
      {!data && state.status === 'loading' && <Loading space={3} />}
      {data && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
            <ConsentStateChip reason={data.reason} />
            <Box sx={{ flexGrow: 1 }} />
            {data.valid ? (
              <Button variant="outlined" color="error" onClick={() => setDialog('withdraw')}>
                {t('consent.withdraw')}
              </Button>
            ) : null}
            {(!data.valid || current?.textVersion !== data.currentTextVersion) && (
              <Button variant="contained" onClick={() => setDialog('accept')}>
                {t('consent.accept')}
              </Button>
            )}
          </Box>
          <Typography sx={{ mb: 1 }}>{hint}</Typography>
          {data.valid && current && current.textVersion !== data.currentTextVersion && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {t('consent.olderVersion', { version: current.textVersion, current: data.currentTextVersion })}
            </Alert>
          )}
          <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 600, mt: 3, mb: 1 }}>
            {t('consent.history.title')}
          </Typography>
          <ConsentHistory history={data.history} />
        </>
      )}
      {dialog === 'accept' && (
        <AcceptConsentDialog
          patientId={patientId}
          onClose={() => setDialog(null)}
          onAccepted={() => done(t('consent.acceptDialog.accepted'))}
        />
      )}
      {dialog === 'withdraw' && current && (
        <ReasonDialog
          texts={{
            title: t('consent.withdrawDialog.title'),
            intro: t('consent.withdrawDialog.intro'),
            reason: t('consent.withdrawDialog.reason'),
            submit: t('consent.withdrawDialog.submit'),
            failed: t('consent.withdrawDialog.failed'),
          }}
          onClose={() => setDialog(null)}
          send={(client, reason) => client.consents.withdraw({ consentId: current.id, reason })}
          onDone={() => done(t('consent.withdrawDialog.done'))}
        />
      )}
    </SectionCard>
  );
}

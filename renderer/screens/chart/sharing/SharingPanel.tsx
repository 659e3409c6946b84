import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareConsent } from '../../../../shared/chart/chart-views';
import { moscowDay } from '../../../../shared/domain/application-deadline';
import { useApiQuery } from '../../../api/use-api-query';
import { formatDateTime } from '../../../format/date-time';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { SectionCard } from '../../../ui/SectionCard';
import { ConsentItem } from './ConsentItem';
import { consentState } from './consent-state';
import { GiveConsentDialog } from './GiveConsentDialog';
import { SendEntriesDialog } from './SendEntriesDialog';

type Dialog = { kind: 'give' } | { kind: 'send' | 'revoke'; consent: ShareConsent } | null;

/**
 * Sharing the record only with the patient's consent (D6): the consents (in force, revoked,
 * expired), a consent given in person at the desk, revoking one with a reason, sending entries
 * under one, and every sending so far.
 */
export function SharingPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApiQuery(`chart-shares:${patientId}:${revision}`, (client) =>
    client.chart['shares.list']({ patientId }),
  );
  const data = list.status === 'ok' ? list.data : list.status === 'loading' ? list.previous : null;
  const today = moscowDay(new Date());
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    setRevision((value) => value + 1);
  };

  return (
    <SectionCard title={t('chartSharing.title')}>
      <Notice onClose={() => setNotice(null)}>{notice}</Notice>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography color="text.secondary" sx={{ flex: 1, minWidth: 240 }}>
          {t('chartSharing.intro')}
        </Typography>
        <Button variant="outlined" onClick={() => setDialog({ kind: 'give' })}>
          {t('chartSharing.give')}
        </Button>
      </Box>
      {list.status === 'failed' && <ApiErrorAlert title={t('chartSharing.loadFailed')} problems={[list.error]} />}
      {!data && list.status === 'loading' && <Loading space={2} />}
      {data && (
        <>
          <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 600, mb: 1 }}>
            {t('chartSharing.consents')}
          </Typography>
          {data.consents.length === 0 ? (
            <Typography color="text.secondary">{t('chartSharing.noConsents')}</Typography>
          ) : (
            <Box component="ul" sx={{ p: 0, m: 0 }}>
              {data.consents.map((consent) => (
                <ConsentItem
                  key={consent.id}
                  consent={consent}
                  state={consentState(consent, today)}
                  onSend={() => setDialog({ kind: 'send', consent })}
                  onRevoke={() => setDialog({ kind: 'revoke', consent })}
                />
              ))}
            </Box>
          )}
          <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 600, mt: 3, mb: 1 }}>
            {t('chartSharing.sendings')}
          </Typography>
          {data.shares.length === 0 ? (
            <Typography color="text.secondary">{t('chartSharing.noSendings')}</Typography>
          ) : (
            <Box component="ul" sx={{ pl: 2, m: 0 }}>
              {data.shares.map((share) => (
                <li key={share.id}>
                  {t('chartSharing.sharedLine', {
                    date: formatDateTime(share.sharedAt),
                    recipient: `${share.recipient.name} (${share.recipient.organisation})`,
                    count: share.entryIds.length,
                  })}
                  {share.sharedBy && ` · ${t('chartSharing.sharedBy', { name: share.sharedBy.name })}`}
                </li>
              ))}
            </Box>
          )}
        </>
      )}
      {dialog?.kind === 'give' && (
        <GiveConsentDialog
          patientId={patientId}
          onClose={() => setDialog(null)}
          onGiven={() => done(t('chartSharing.giveDialog.done'))}
        />
      )}
      {dialog?.kind === 'send' && (
        <SendEntriesDialog
          consent={dialog.consent}
          onClose={() => setDialog(null)}
          onSent={() => done(t('chartSharing.sendDialog.done'))}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <ReasonDialog
          texts={{
            title: t('chartSharing.revokeDialog.title'),
            intro: t('chartSharing.revokeDialog.intro'),
            reason: t('chartSharing.revokeDialog.reason'),
            submit: t('chartSharing.revokeDialog.submit'),
            failed: t('chartSharing.revokeDialog.failed'),
          }}
          onClose={() => setDialog(null)}
          send={(client, reason) => client.chart['shares.revokeConsent']({ id: dialog.consent.id, reason })}
          onDone={() => done(t('chartSharing.revokeDialog.done'))}
        />
      )}
    </SectionCard>
  );
}

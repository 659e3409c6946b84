import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationQueueItem } from '../../../shared/api/verification-calls';
import { useApiQuery } from '../../api/use-api-query';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { VerificationQueueTable } from './VerificationQueueTable';
import { VerifyIdentityDialog } from './VerifyIdentityDialog';
import { Loading } from '../../ui/Loading';

/** The in-person verification queue (B6): patients the portal locked out, waiting for the desk. */
export function VerificationQueueScreen() {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const [verifying, setVerifying] = useState<VerificationQueueItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const queue = useApiQuery(`verification-queue:${reload}`, (api) => api.verification.queue({}));

  let body;
  if (queue.status === 'failed') body = <ApiErrorAlert title={t('verification.loadFailed')} problems={[queue.error]} />;
  else if (queue.status !== 'ok' && !(queue.status === 'loading' && queue.previous)) {
    body = <Loading space={6} />;
  } else {
    const data = queue.status === 'ok' ? queue.data : queue.status === 'loading' ? queue.previous : null;
    body =
      !data || data.items.length === 0 ? (
        <EmptyState title={t('verification.emptyTitle')} hint={t('verification.emptyHint')} />
      ) : (
        <VerificationQueueTable items={data.items} onVerify={setVerifying} />
      );
  }

  return (
    <>
      <ScreenHeader title={t('verification.title')} subtitle={t('verification.subtitle')} />
      {done && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {body}
      {verifying && (
        <VerifyIdentityDialog
          patient={verifying.patient}
          identityId={verifying.identityId}
          onClose={() => setVerifying(null)}
          onVerified={() => {
            setDone(t('verification.dialog.done', { name: fullName(verifying.patient) }));
            setVerifying(null);
            setReload((count) => count + 1);
          }}
        />
      )}
    </>
  );
}

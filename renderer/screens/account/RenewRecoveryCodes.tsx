import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { RecoveryCodesPanel } from '../../auth/RecoveryCodesPanel';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

type Stage = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'shown'; codes: string[] } | { kind: 'done' };

/** New recovery codes: the old ones stop working, the new ones are shown once. */
export function RenewRecoveryCodes() {
  const { t } = useTranslation();
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);

  async function renew() {
    setError(null);
    const answer = await api.account.renewRecoveryCodes({});
    if (!answer.ok) {
      setStage({ kind: 'idle' });
      return setError(answer.error);
    }
    setStage({ kind: 'shown', codes: answer.data.recoveryCodes });
  }

  return (
    <Box>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('recovery.renewFailed')} problems={[error]} />
        </Box>
      )}
      {stage.kind === 'shown' ? (
        <RecoveryCodesPanel codes={stage.codes} onDone={() => setStage({ kind: 'done' })} />
      ) : (
        <>
          {stage.kind === 'done' && (
            <Alert severity="success" sx={{ mb: 2 }}>
              {t('recovery.renewed')}
            </Alert>
          )}
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('recovery.renewIntro')}
          </Typography>
          {stage.kind === 'confirming' ? (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <Button variant="contained" color="warning" autoFocus onClick={() => void renew()}>
                {t('recovery.confirmRenew')}
              </Button>
              <Button onClick={() => setStage({ kind: 'idle' })}>{t('common.cancel')}</Button>
            </Box>
          ) : (
            <Button variant="outlined" onClick={() => setStage({ kind: 'confirming' })}>
              {t('recovery.renew')}
            </Button>
          )}
        </>
      )}
    </Box>
  );
}

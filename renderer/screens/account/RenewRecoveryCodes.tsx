import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/use-api-mutation';
import { RecoveryCodesPanel } from '../../auth/RecoveryCodesPanel';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

type Stage = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'shown'; codes: string[] } | { kind: 'done' };

/** New recovery codes: the old ones stop working, the new ones are shown once. */
export function RenewRecoveryCodes() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const mutation = useApiMutation((api) => api.account.renewRecoveryCodes({}));
  const error = mutation.error;

  async function renew() {
    const answer = await mutation.run(undefined);
    if (!answer) return;
    setStage(answer.ok ? { kind: 'shown', codes: answer.data.recoveryCodes } : { kind: 'idle' });
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

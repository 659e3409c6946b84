import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../auth/AuthLayout';
import { localFailure } from '../../api/local-failure';
import { useApiMutation } from '../../api/use-api-mutation';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { evaluatePrf } from './prf-touch';

/**
 * Before the database is open (the browser host answered `db_key.locked`): a touch of any bound
 * hardware key gives its PRF output to the host, which unwraps the key and opens the store; the
 * page then loads again as the desk.
 */
export function DbKeyUnlockScreen() {
  const { t } = useTranslation();
  const unlock = useApiMutation(
    async (api, _: null) => {
      const asked = await api.dbKey.unlockOptions({});
      if (!asked.ok) return asked;
      if (asked.data.open || !asked.data.options) return { ok: true as const, data: { open: true as const } };
      const { credentialIds, prfSalt } = asked.data.options;
      const touched = await evaluatePrf(credentialIds, prfSalt);
      if (!touched.ok)
        return localFailure(touched.reason === 'no-prf' ? 'db_key.prf_missing' : 'db_key.touch_cancelled');
      return api.dbKey.unlock(touched.value);
    },
    { onSuccess: () => window.location.reload() },
  );

  return (
    <AuthLayout title={t('dbKey.unlockTitle')}>
      <Typography sx={{ mb: 2 }}>{t('dbKey.unlockIntro')}</Typography>
      {unlock.problems.general.length > 0 && (
        <ApiErrorAlert title={t('dbKey.unlockFailed')} problems={unlock.problems.general} />
      )}
      <Button variant="contained" autoFocus disabled={unlock.busy} onClick={() => void unlock.run(null)}>
        {unlock.busy ? t('dbKey.unlocking') : t('dbKey.unlock')}
      </Button>
    </AuthLayout>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DbKeyStatus } from '../../../shared/api/db-key-calls';
import { localFailure } from '../../api/local-failure';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { evaluatePrf, makePrfCredential } from './prf-touch';

/**
 * «Ключ базы данных» (issue 15, A5), for admins: how many hardware keys open the database, binding
 * one more (two touches: the credential, then its PRF over the desk's salt), unbinding one, and the
 * recovery key shown once after the first binding.
 */
export function DbKeyCard() {
  const { t } = useTranslation();
  const query = useApiQuery('db-key-status', (api) => api.dbKey.status({}));
  const [status, setStatus] = useState<DbKeyStatus | null>(null);
  const [label, setLabel] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const shown = status ?? (query.status === 'ok' ? query.data : null);

  const bind = useApiMutation(async (api, name: string) => {
    const options = await api.dbKey.bindOptions({});
    if (!options.ok) return options;
    const made = await makePrfCredential(name, options.data.credentialIds);
    if (!made.ok) return localFailure(made.reason === 'no-prf' ? 'db_key.prf_missing' : 'db_key.touch_cancelled');
    const touched = await evaluatePrf([made.value], options.data.prfSalt);
    if (!touched.ok) return localFailure(touched.reason === 'no-prf' ? 'db_key.prf_missing' : 'db_key.touch_cancelled');
    const { desk, prfSalt } = options.data;
    return api.dbKey.bind({ desk, prfSalt, label: name, ...touched.value });
  });
  const unbind = useApiMutation((api, credentialId: string) => api.dbKey.unbind({ credentialId }), {
    onSuccess: setStatus,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await bind.run(label.trim());
    if (answer?.ok) {
      setStatus(answer.data.status);
      setRecoveryKey(answer.data.recoveryKey);
      setLabel('');
    }
  };

  const problems = [...bind.problems.general, ...unbind.problems.general];
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3, maxWidth: 720 }} component="section" aria-labelledby="db-key-title">
      <Typography variant="h2" id="db-key-title" sx={{ mb: 1 }}>
        {t('dbKey.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('dbKey.intro')}</Typography>
      {query.status === 'failed' && <ApiErrorAlert title={t('dbKey.failed')} problems={[query.error]} />}
      {problems.length > 0 && <ApiErrorAlert title={t('dbKey.failed')} problems={problems} />}
      {shown && shown.where !== 'bindable' && (
        <Typography>{t(shown.where === 'other-source' ? 'dbKey.where.other' : 'dbKey.where.notHere')}</Typography>
      )}
      {shown?.where === 'bindable' && (
        <>
          <Typography role="status">
            {shown.keys.length === 0 ? t('dbKey.noneBound') : t('dbKey.bound', { count: shown.keys.length })}
            {shown.keys.length === 0 ? ` ${t('dbKey.where.bindable')}` : ''}
          </Typography>
          {shown.recoveryKey && <Typography color="text.secondary">{t('dbKey.recoveryExists')}</Typography>}
          {shown.keys.length > 0 && (
            <List dense aria-label={t('dbKey.title')}>
              {shown.keys.map((key) => (
                <ListItem
                  key={key.credentialId}
                  secondaryAction={
                    shown.keys.length > 1 && (
                      <Button
                        aria-label={t('dbKey.unbindLabel', { label: key.label })}
                        disabled={unbind.busy}
                        onClick={() => void unbind.run(key.credentialId)}
                      >
                        {t('dbKey.unbind')}
                      </Button>
                    )
                  }
                >
                  <ListItemText primary={key.label} secondary={new Date(key.boundAt).toLocaleString()} />
                </ListItem>
              ))}
            </List>
          )}
          <Box
            component="form"
            noValidate
            onSubmit={(event) => void submit(event)}
            sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', mt: 2 }}
          >
            <TextField
              label={t('dbKey.label')}
              helperText={t('dbKey.labelHint')}
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              required
            />
            <Button type="submit" variant="outlined" disabled={bind.busy || label.trim() === ''} sx={{ mt: 1 }}>
              {t('dbKey.bind')}
            </Button>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('dbKey.touchTwice')}
          </Typography>
        </>
      )}
      <Dialog open={recoveryKey !== null} aria-labelledby="db-key-recovery-title">
        <DialogTitle id="db-key-recovery-title">{t('dbKey.recoveryTitle')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{t('dbKey.recoveryIntro')}</Typography>
          <Typography
            aria-label={t('dbKey.recoveryTitle')}
            sx={{ fontFamily: 'monospace', fontSize: '1.25rem', wordSpacing: '0.5em', userSelect: 'all' }}
          >
            {recoveryKey?.replace(/-/g, ' ')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => window.print()}>{t('dbKey.print')}</Button>
          <Button variant="contained" onClick={() => setRecoveryKey(null)}>
            {t('dbKey.recoveryDone')}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}

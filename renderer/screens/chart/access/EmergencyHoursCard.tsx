import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emergencyAccessHoursRange } from '../../../../shared/rights/restrictions';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';

/** The desk's length of a break-the-glass grant (1–72 h, default 24), for whoever manages settings. */
export function EmergencyHoursCard() {
  const { t } = useTranslation();
  const current = useApiQuery('chart-access-settings', (api) => api.chartAccess.settings({}));
  const [hours, setHours] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.status === 'ok') setHours(String(current.data.emergencyHours));
  }, [current]);
  const mutation = useApiMutation((api, value: string) => api.chartAccess.setEmergencyHours({ hours: Number(value) }), {
    fields: ['hours'],
    onSuccess: () => setSaved(true),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void mutation.run(hours);
  };
  const problem = mutation.problems.byField.hours;
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3, maxWidth: 720 }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {t('chartAccess.settings.title')}
      </Typography>
      {mutation.problems.general.length > 0 && (
        <ApiErrorAlert title={t('chartAccess.settings.failed')} problems={mutation.problems.general} />
      )}
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          label={t('chartAccess.settings.hours')}
          inputMode="numeric"
          value={hours}
          onChange={(event) => {
            setSaved(false);
            setHours(event.target.value);
          }}
          error={Boolean(problem)}
          helperText={
            problem ? (
              <FieldMessage problem={problem} />
            ) : saved ? (
              t('chartAccess.settings.saved')
            ) : (
              t('chartAccess.settings.hint', emergencyAccessHoursRange)
            )
          }
        />
        <Button type="submit" variant="outlined" disabled={mutation.busy} sx={{ mt: 1 }}>
          {t('chartAccess.settings.save')}
        </Button>
      </Box>
    </Paper>
  );
}

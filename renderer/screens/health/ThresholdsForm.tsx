import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  healthMetrics,
  thresholdFields,
  thresholdMetrics,
  type HealthThresholds,
  type ThresholdField,
} from '../../../shared/health/thresholds';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SectionCard } from '../../ui/SectionCard';
import { announceHealthChange } from './health-events';

type Draft = Record<ThresholdField, string>;

const toDraft = (thresholds: HealthThresholds): Draft =>
  Object.fromEntries(thresholdFields.map((field) => [field, String(thresholds[field])])) as Draft;

/** The clinic's thresholds, amber and red per metric; refusals under their fields; Ctrl+Enter saves. */
export function ThresholdsForm({ initial, isDefault }: { initial: HealthThresholds; isDefault: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((api, input: HealthThresholds) => api.health['thresholds.set'](input), {
    fields: thresholdFields,
    onSuccess: () => {
      setSaved(true);
      announceHealthChange();
    },
  });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setSaved(false);
    const values = Object.fromEntries(thresholdFields.map((field) => [field, Number(draft[field].trim())]));
    void save.run(values as HealthThresholds);
  };
  const field = (name: ThresholdField, label: string) => {
    const problem = save.problems.byField[name];
    return (
      <TextField
        label={label}
        value={draft[name]}
        onChange={(event) => {
          setDraft({ ...draft, [name]: event.target.value });
          save.clearField(name);
        }}
        error={problem !== undefined}
        helperText={problem ? <FieldMessage problem={problem} /> : ' '}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        size="small"
      />
    );
  };
  return (
    <SectionCard title={t('health.thresholds.title')}>
      <Typography sx={{ mb: 2 }}>{t('health.thresholds.intro')}</Typography>
      {isDefault && <Typography sx={{ mb: 2 }}>{t('health.thresholds.defaults')}</Typography>}
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.ctrlKey) submit(event);
        }}
      >
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 2 }}>
          {healthMetrics.map((metric) => {
            const words = t(`health.thresholds.metric.${metric}`);
            return [
              <div key={`${metric}-amber`}>
                {field(thresholdMetrics[metric].amber, `${words} — ${t('health.thresholds.amber')}`)}
              </div>,
              <div key={`${metric}-red`}>
                {field(thresholdMetrics[metric].red, `${words} — ${t('health.thresholds.red')}`)}
              </div>,
            ];
          })}
        </Box>
        {save.problems.general.length > 0 && (
          <ApiErrorAlert title={t('health.thresholds.failed')} problems={save.problems.general} />
        )}
        {saved && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {t('health.thresholds.saved')}
          </Alert>
        )}
        <Button type="submit" variant="contained" disabled={save.busy} sx={{ mt: 2 }}>
          {t('health.thresholds.save')}
        </Button>
      </Box>
    </SectionCard>
  );
}

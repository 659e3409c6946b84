import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/api/application-calls';
import { appealOutcomes, type AppealOutcome } from '../../../shared/domain/application';
import { useApiMutation } from '../../api/use-api-mutation';
import { formatDateTime } from '../../format/date-time';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SectionCard } from '../../ui/SectionCard';

/** The patient's appeal of a denial (C5): its text, and the outcome the clerk records. Nothing without an appeal. */
export function AppealPanel({
  detail,
  mayDecide,
  onChanged,
}: {
  detail: ApplicationDetail;
  mayDecide: boolean;
  onChanged(next: ApplicationDetail): void;
}) {
  const { t } = useTranslation();
  const { application } = detail;
  const [outcome, setOutcome] = useState<AppealOutcome | ''>('');
  const [note, setNote] = useState('');
  const record = useApiMutation(
    (api, input: { id: string; outcome: AppealOutcome; note: string }) => api.applications.appealOutcome(input),
    { onSuccess: onChanged },
  );
  if (application.appealText === null || application.appealAt === null) return null;
  return (
    <SectionCard title={t('applications.appeal.title')}>
      <Typography variant="body2" color="text.secondary">
        {t('applications.appeal.filed', { at: formatDateTime(application.appealAt) })}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', my: 1 }}>{application.appealText}</Typography>
      {application.appealOutcome ? (
        <Typography>
          {t('applications.appeal.decided', {
            outcome: t(`applications.appeal.outcomes.${application.appealOutcome}`),
          })}
          {application.appealNote && ` — ${application.appealNote}`}
        </Typography>
      ) : (
        mayDecide &&
        application.status === 'denied' && (
          <Box sx={{ display: 'grid', gap: 2, mt: 2 }}>
            {record.error && <ApiErrorAlert title={t('applications.appeal.failed')} problems={[record.error]} />}
            <TextField
              select
              label={t('applications.appeal.outcome')}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as AppealOutcome)}
            >
              {appealOutcomes.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`applications.appeal.outcomes.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('applications.appeal.note')}
              value={note}
              multiline
              minRows={2}
              onChange={(event) => setNote(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
            <Box>
              <Button
                variant="contained"
                disabled={outcome === '' || record.busy}
                onClick={() => outcome !== '' && void record.run({ id: application.id, outcome, note })}
              >
                {t('applications.appeal.record')}
              </Button>
            </Box>
          </Box>
        )
      )}
    </SectionCard>
  );
}

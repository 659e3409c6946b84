import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/api/application-calls';
import {
  activationChannels,
  denyReasons,
  type ActivationChannel,
  type DenyReason,
} from '../../../shared/domain/application';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import { useApiMutation } from '../../api/use-api-mutation';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SectionCard } from '../../ui/SectionCard';
import { PrintedCodeButton } from './PrintedCodeButton';

/**
 * The decision (C3–C5): approve with the way the activation code reaches the patient, or deny with
 * a reason that cites its clause and a note. Only while under review; an approval to print offers
 * the code's sheet.
 */
export function DecisionPanel({
  detail,
  onChanged,
}: {
  detail: ApplicationDetail;
  onChanged(next: ApplicationDetail): void;
}) {
  const { t } = useTranslation();
  const { application } = detail;
  const [channel, setChannel] = useState<ActivationChannel>(application.contactEmail ? 'email' : 'print');
  const [reason, setReason] = useState<DenyReason | ''>('');
  const [note, setNote] = useState('');
  const approve = useApiMutation(
    (api, input: { id: string; activationChannel: ActivationChannel }) => api.applications.approve(input),
    { onSuccess: onChanged },
  );
  const deny = useApiMutation(
    (api, input: { id: string; reason: DenyReason; note: string }) => api.applications.deny(input),
    { onSuccess: onChanged },
  );
  const allMet = detail.checks.every((check) => check.met);

  if (application.status === 'approved' && application.activationChannel === 'print')
    return (
      <SectionCard title={t('applications.decision.title')}>
        <Typography>{t('applications.decision.approved')}</Typography>
        <PrintedCodeButton applicationId={application.id} number={application.number} />
      </SectionCard>
    );
  if (application.status === 'denied')
    return (
      <SectionCard title={t('applications.decision.title')}>
        <Typography>
          {t('applications.decision.denied')}
          {application.denyReason && `: ${t(`applications.decision.reasons.${application.denyReason}`)}`}
        </Typography>
        {application.denyNote && <Typography color="text.secondary">{application.denyNote}</Typography>}
        {application.supplyDue && (
          <Typography variant="body2" color="text.secondary">
            {t('applications.page.supplyDue', { date: formatRussianDate(application.supplyDue) })}
          </Typography>
        )}
      </SectionCard>
    );
  if (application.status !== 'in_review' && application.status !== 'submitted') return null;

  return (
    <SectionCard title={t('applications.decision.title')}>
      {application.status === 'submitted' && (
        <Typography color="text.secondary">{t('applications.decision.notInReview')}</Typography>
      )}
      {(approve.error ?? deny.error) && (
        <ApiErrorAlert title={t('applications.decision.failed')} problems={[(approve.error ?? deny.error)!]} />
      )}
      <FormControl disabled={application.status !== 'in_review'}>
        <FormLabel>{t('applications.decision.channelLegend')}</FormLabel>
        <RadioGroup row value={channel} onChange={(event) => setChannel(event.target.value as ActivationChannel)}>
          {activationChannels.map((value) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio />}
              label={t(`applications.decision.channels.${value}`)}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <Box sx={{ mt: 1, mb: 3 }}>
        <Button
          variant="contained"
          color="success"
          disabled={application.status !== 'in_review' || !allMet || approve.busy}
          onClick={() => void approve.run({ id: application.id, activationChannel: channel })}
        >
          {t('applications.decision.approve')}
        </Button>
      </Box>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <TextField
          select
          label={t('applications.decision.reasonLabel')}
          value={reason}
          disabled={application.status !== 'in_review'}
          onChange={(event) => setReason(event.target.value as DenyReason)}
        >
          {denyReasons.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`applications.decision.reasons.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('applications.decision.note')}
          value={note}
          multiline
          minRows={2}
          disabled={application.status !== 'in_review'}
          onChange={(event) => setNote(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
        />
        <Box>
          <Button
            variant="outlined"
            color="error"
            disabled={application.status !== 'in_review' || reason === '' || deny.busy}
            onClick={() => reason !== '' && void deny.run({ id: application.id, reason, note })}
          >
            {t('applications.decision.deny')}
          </Button>
        </Box>
      </Box>
    </SectionCard>
  );
}

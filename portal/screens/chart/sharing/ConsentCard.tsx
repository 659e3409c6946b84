import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { revokeShareRequestSchema } from '../../../../shared/cabinet/chart-api';
import type { ShareConsent } from '../../../../shared/chart/chart-views';
import { isoDay } from '../../../../shared/domain/calendar-date';
import { useClient } from '../../../api/session';
import { codeResolver } from '../../../forms/code-resolver';
import { TextInput } from '../../../forms/TextInput';
import { useSubmit } from '../../../forms/use-submit';
import { useTexts } from '../../../i18n/use-texts';
import { formatDay, formatInstant } from '../../../ui/dates';
import { RefusalAlert } from '../../../ui/RefusalAlert';

type State = 'active' | 'expired' | 'revoked';

/** A consent's state today: revoked, past its last day (Moscow), or holding. */
export function consentState(consent: ShareConsent, today = isoDay(new Date())): State {
  if (consent.revokedAt) return 'revoked';
  if (consent.validUntil && consent.validUntil < today) return 'expired';
  return 'active';
}

const stateWords = { active: 'sharing.active', expired: 'sharing.expired', revoked: 'sharing.revokedState' } as const;

/** One consent: to whom, what, until when, how it was given; revocable while it holds. */
export function ConsentCard({ consent, onChange }: { consent: ShareConsent; onChange: (next: ShareConsent) => void }) {
  const { t, language } = useTexts();
  const [revoking, setRevoking] = useState(false);
  const state = consentState(consent);
  const headingId = `consent-${consent.id}`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1}>
          <Typography id={headingId} variant="h3" component="h3" sx={{ overflowWrap: 'anywhere' }}>
            {t('sharing.consentHeading', {
              name: consent.recipient.name,
              organisation: consent.recipient.organisation,
            })}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            color={state === 'active' ? 'success' : 'default'}
            label={t(stateWords[state])}
            sx={{ alignSelf: 'flex-start' }}
          />
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {[consent.recipient.specialty, consent.recipient.email].filter(Boolean).join(' · ')}
          </Typography>
          <Typography>
            {consent.scope === 'whole_record'
              ? t('sharing.wholeRecord')
              : t('sharing.entriesCount', { count: consent.entryIds.length })}{' '}
            ·{' '}
            {consent.validUntil
              ? t('sharing.until', { date: formatDay(consent.validUntil, language) })
              : t('sharing.untilRevoked')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('sharing.givenAt', {
              date: formatInstant(consent.givenAt, language),
              via: t(`sharing.via.${consent.givenVia}`),
            })}
          </Typography>
          {consent.revokedAt ? (
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {t('sharing.revoked', {
                date: formatInstant(consent.revokedAt, language),
                reason: consent.revocationReason ?? '—',
              })}
            </Typography>
          ) : null}
          {state === 'active' ? (
            revoking ? (
              <RevokeForm
                consent={consent}
                onDone={(next) => {
                  setRevoking(false);
                  onChange(next);
                }}
                onCancel={() => setRevoking(false)}
              />
            ) : (
              <Button
                variant="outlined"
                color="error"
                onClick={() => setRevoking(true)}
                sx={{ alignSelf: 'flex-start' }}
              >
                {t('sharing.revoke')}
              </Button>
            )
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

function RevokeForm({
  consent,
  onDone,
  onCancel,
}: {
  consent: ShareConsent;
  onDone: (next: ShareConsent) => void;
  onCancel: () => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const form = useForm<{ reason: string }>({
    resolver: codeResolver(revokeShareRequestSchema),
    defaultValues: { reason: '' },
  });
  const { run, busy, problems } = useSubmit(form, ['reason']);
  const submit = form.handleSubmit((values) =>
    run(async () => onDone(await client.chart.revokeConsent(consent.id, values.reason.trim()))),
  );
  return (
    <Stack component="form" noValidate spacing={1.5} onSubmit={submit}>
      <TextInput
        form={form}
        name="reason"
        label={t('sharing.revokeReason')}
        autoFocus
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <RefusalAlert problems={problems} />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" color="error" disabled={busy}>
          {t('sharing.revokeConfirm')}
        </Button>
        <Button variant="text" onClick={onCancel} disabled={busy}>
          {t('sharing.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}

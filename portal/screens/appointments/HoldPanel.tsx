import TimerOutlined from '@mui/icons-material/TimerOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { holdMinutes } from '../../../shared/appointments/schedule';
import type { CabinetBookingOptions, CabinetSlot } from '../../../shared/cabinet/appointments-api';
import { localize } from '../../../shared/errors/catalog';
import type { GeneralProblem } from '../../forms/refusal';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { Facts } from '../../ui/Facts';
import { formBox } from '../../ui/form-box';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { visuallyHidden } from '../../ui/visually-hidden';
import { formatLeft, secondsLeft } from './hold-clock';
import { useWhen } from './use-when';

/**
 * The held time: what and when, the minutes it stays held (counting down; when they run out the
 * patient is sent back to the times), an optional note, «Подтвердить запись».
 */
export function HoldPanel({
  slot,
  deadline,
  options,
  moving,
  busy,
  problems,
  onConfirm,
  onBack,
}: {
  slot: CabinetSlot;
  deadline: number;
  options: CabinetBookingOptions;
  moving: boolean;
  busy: boolean;
  problems: readonly GeneralProblem[];
  onConfirm: (note: string) => void;
  onBack: (lapsed: GeneralProblem | null) => void;
}) {
  const { t } = useTexts();
  const when = useWhen()(slot.startsAt, slot.endsAt);
  const [now, setNow] = useState(() => Date.now());
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const left = secondsLeft(deadline, now);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left > 0 || busy) return;
    onBack({
      code: 'appointments.hold.expired',
      message: localize('appointments.hold.expired', { minutes: holdMinutes }),
    });
  }, [left, busy, onBack]);
  const service = options.services.find((item) => item.id === slot.serviceTypeId);
  const specialist = options.specialists.find((item) => item.id === slot.specialistId);
  return (
    <Stack
      component="form"
      noValidate
      spacing={2}
      aria-labelledby="hold-title"
      sx={formBox}
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(note);
      }}
    >
      <Typography id="hold-title" ref={heading} tabIndex={-1} variant="h2" sx={{ outline: 'none' }}>
        {t('booking.held')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TimerOutlined aria-hidden color="primary" />
        {/* A timer is not read aloud each second; its label says the minutes. */}
        <Typography
          role="timer"
          aria-label={t('booking.leftName', { minutes: Math.ceil(left / 60) })}
          sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
        >
          {t('booking.left', { left: formatLeft(left) })}
        </Typography>
        {/* Said once, a minute before the time is released (the timer itself is silent). */}
        <Typography component="span" role="status" sx={visuallyHidden}>
          {left > 0 && left <= 60 ? t('booking.lastMinute') : ''}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('booking.holdHelp')}
      </Typography>
      <Facts
        facts={[
          { label: t('booking.when'), value: when },
          {
            label: t('appointments.specialist'),
            value: [slot.specialistName, specialist?.specialtyName].filter(Boolean).join(', '),
          },
          { label: t('appointments.service'), value: service?.name ?? '—' },
        ]}
      />
      {moving ? null : (
        <TextField
          id="booking-note"
          label={t('booking.note')}
          helperText={t('booking.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 1000 } }}
        />
      )}
      {busy ? <Busy label={t('booking.confirming')} /> : null}
      <RefusalAlert problems={problems} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={busy || left === 0}>
          {t(moving ? 'booking.confirmMove' : 'booking.confirm')}
        </Button>
        <Button variant="text" onClick={() => onBack(null)} disabled={busy}>
          {t('booking.otherTime')}
        </Button>
      </Stack>
    </Stack>
  );
}

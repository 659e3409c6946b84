import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CabinetSlot } from '../../../shared/cabinet/appointments-api';
import { useTexts } from '../../i18n/use-texts';
import { slotDays, slotKey } from './slot-days';
import { dayHeading, zoneTime } from './visit-time';

/** How many times of a day show before «Ещё N»: a long day stays one screen on a phone. */
const firstTimes = 12;

/**
 * Free times by day, earliest first; each time one button (with the specialist's name when the
 * list is a specialty's). The times are the clinic's (Moscow), as the page says above the list.
 */
export function SlotPicker({
  slots,
  withNames,
  disabled,
  idPrefix,
  onPick,
}: {
  slots: readonly CabinetSlot[];
  withNames: boolean;
  disabled: boolean;
  idPrefix: string;
  onPick: (slot: CabinetSlot) => void;
}) {
  const { t, language } = useTexts();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  return (
    <Stack spacing={2}>
      {slotDays(slots).map(({ day, slots: times }) => {
        const heading = dayHeading(day, language);
        const headingId = `${idPrefix}-${day}`;
        const shown = opened.has(day) ? times : times.slice(0, firstTimes);
        return (
          <Stack key={day} component="section" aria-labelledby={headingId} spacing={1}>
            <Typography id={headingId} variant="h3" component="h3">
              {heading}
            </Typography>
            <Box
              component="ul"
              sx={{
                display: 'grid',
                gridTemplateColumns: `repeat(auto-fill, minmax(${withNames ? 140 : 88}px, 1fr))`,
                gap: 1,
                m: 0,
                p: 0,
                listStyle: 'none',
              }}
            >
              {shown.map((slot) => {
                const time = zoneTime(slot.startsAt);
                return (
                  <li key={slotKey(slot)}>
                    <Button
                      variant="outlined"
                      disabled={disabled}
                      onClick={() => onPick(slot)}
                      aria-label={
                        withNames
                          ? t('booking.slotWithName', { day: heading, time, specialist: slot.specialistName })
                          : t('booking.slotName', { day: heading, time })
                      }
                      sx={{ width: '100%', height: '100%', minHeight: 44, flexDirection: 'column' }}
                    >
                      <span>{time}</span>
                      {withNames ? (
                        <Typography
                          component="span"
                          variant="caption"
                          sx={{ textTransform: 'none', lineHeight: 1.2, overflowWrap: 'anywhere' }}
                        >
                          {slot.specialistName}
                        </Typography>
                      ) : null}
                    </Button>
                  </li>
                );
              })}
            </Box>
            {shown.length < times.length ? (
              <Button
                onClick={() => setOpened(new Set([...opened, day]))}
                aria-label={t('booking.moreName', { count: times.length - shown.length, day: heading })}
                sx={{ alignSelf: 'flex-start' }}
              >
                {t('booking.more', { count: times.length - shown.length })}
              </Button>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}

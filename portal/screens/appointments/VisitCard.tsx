import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import UpdateOutlined from '@mui/icons-material/UpdateOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CabinetAppointment } from '../../../shared/cabinet/appointments-api';
import { useTexts } from '../../i18n/use-texts';
import { AttachForm } from './AttachForm';
import { bookPath } from './paths';
import { useWhen } from './use-when';
import { statusColour } from './visit-words';
import { VisitDetails } from './VisitDetails';

/**
 * One visit: when (the clinic's time), its status, what and where; an upcoming one that may still
 * change offers «Перенести», «Отменить» and «Прикрепить файл».
 */
export function VisitCard({
  visit,
  attaching,
  onAttach,
  onCancel,
  onChange,
}: {
  visit: CabinetAppointment;
  /** This card's attach form is open (one at a time on the page). */
  attaching: boolean;
  onAttach: (open: boolean) => void;
  onCancel: () => void;
  onChange: (visit: CabinetAppointment) => void;
}) {
  const { t } = useTexts();
  const when = useWhen()(visit.startsAt, visit.endsAt);
  const [attached, setAttached] = useState<string | null>(null);
  const headingId = `visit-${visit.id}`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            sx={{ justifyContent: 'space-between', alignItems: { sm: 'flex-start' } }}
          >
            <Typography id={headingId} variant="h3" component="h3" sx={{ overflowWrap: 'anywhere' }}>
              {when}
            </Typography>
            <Chip
              size="small"
              variant="outlined"
              color={statusColour[visit.status]}
              label={t(`appointments.statuses.${visit.status}`)}
              sx={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            />
          </Stack>
          <VisitDetails visit={visit} />
          {visit.canChange && !attaching ? (
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
              <Button
                component={RouterLink}
                to={bookPath(visit.id)}
                variant="outlined"
                startIcon={<UpdateOutlined />}
                aria-label={t('appointments.moveName', { when })}
              >
                {t('appointments.move')}
              </Button>
              <Button
                variant="outlined"
                color="error"
                startIcon={<EventBusyOutlined />}
                onClick={onCancel}
                aria-label={t('appointments.cancelName', { when })}
              >
                {t('appointments.cancel')}
              </Button>
              <Button
                variant="outlined"
                startIcon={<AttachFileOutlined />}
                onClick={() => {
                  setAttached(null);
                  onAttach(true);
                }}
                aria-label={t('appointments.attachName', { when })}
              >
                {t('appointments.attach')}
              </Button>
            </Stack>
          ) : null}
          {attached && !attaching ? (
            <Alert severity="success" role="status">
              {t('appointments.attached', { title: attached })}
            </Alert>
          ) : null}
          {visit.canChange && attaching ? (
            <AttachForm
              visit={visit}
              onAttached={(attachment) => {
                setAttached(attachment.title);
                onChange({ ...visit, attachments: [...visit.attachments, attachment] });
                onAttach(false);
              }}
              onClose={() => onAttach(false)}
            />
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { Page } from '../../ui/Page';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { AccessLogLines } from './AccessLogLines';
import { useAccessLog } from './use-access-log';

/**
 * «Кто открывал мою карту» (F2): the clinic's access to the card, newest first, grouped by visit;
 * the patient's own and the search lists hidden unless asked for; a representative picks whose.
 */
export function AccessLogScreen() {
  const { t } = useTexts();
  const { view, setView, persons, log, problems, busy, loadMore } = useAccessLog();
  const emergency = log?.lines.some((line) => line.emergency) ?? false;
  const hidden = [
    log && log.hidden.own > 0 ? t('accessLog.hiddenOwn', { count: log.hidden.own }) : null,
    log && log.hidden.listed > 0 ? t('accessLog.hiddenListed', { count: log.hidden.listed }) : null,
  ].filter((text): text is string => text !== null);
  return (
    <Page title={t('accessLog.title')} wide>
      <Typography color="text.secondary">{t('accessLog.intro')}</Typography>
      {persons.length > 1 ? (
        <TextField
          select
          label={t('accessLog.person')}
          value={view.person ?? persons.find((person) => person.self)?.patientId ?? persons[0]!.patientId}
          onChange={(event) => setView({ ...view, person: event.target.value })}
          sx={{ maxWidth: 420 }}
        >
          {persons.map((person) => (
            <MenuItem key={person.patientId} value={person.patientId}>
              {person.self
                ? t('accessLog.self')
                : [person.surname, person.name, person.patronymic].filter(Boolean).join(' ')}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
        <FormControlLabel
          control={<Switch checked={view.own} onChange={(event) => setView({ ...view, own: event.target.checked })} />}
          label={t('accessLog.showOwn')}
        />
        <FormControlLabel
          control={
            <Switch checked={view.noise} onChange={(event) => setView({ ...view, noise: event.target.checked })} />
          }
          label={t('accessLog.showListed')}
        />
      </Stack>
      {view.noise ? (
        <Typography variant="body2" color="text.secondary">
          {t('accessLog.listedHint')}
        </Typography>
      ) : null}
      <RefusalAlert problems={problems} />
      {log === null && problems.length === 0 ? <Busy label={t('accessLog.loading')} /> : null}
      {emergency ? (
        <Alert severity="warning" variant="outlined">
          {t('accessLog.emergencyHint')}
        </Alert>
      ) : null}
      {log && log.lines.length === 0 ? (
        <Alert severity="info" variant="outlined">
          {t('accessLog.empty')}
        </Alert>
      ) : null}
      {log && log.lines.length > 0 ? <AccessLogLines lines={log.lines} /> : null}
      {hidden.length > 0 ? (
        <Typography variant="body2" color="text.secondary">
          {hidden.join(' · ')}
        </Typography>
      ) : null}
      {log && log.cursor !== null ? (
        <Button onClick={() => void loadMore()} disabled={busy} sx={{ alignSelf: 'flex-start' }}>
          {t('accessLog.more')}
        </Button>
      ) : null}
    </Page>
  );
}

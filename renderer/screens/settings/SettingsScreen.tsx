import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { usePermissions, useSession } from '../../app/session';
import { isLanguage, languages, useLanguage } from '../../i18n/language';
import { FieldList } from '../../ui/FieldList';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { EmergencyHoursCard } from '../chart/access/EmergencyHoursCard';
import { DbKeyCard } from '../db-key/DbKeyCard';
import { BackupsCard } from '../backups/BackupsCard';
import { SyncSettingsCard } from './SyncSettingsCard';

/** The interface language (kept on this desk), the desk's name, and the way to its sync. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const session = useSession();
  const can = usePermissions();
  const labelId = useId();
  const hintId = useId();
  const deskName = session.status === 'ok' ? session.data.device.name : t('settings.deskUnknown');

  return (
    <>
      <ScreenHeader title={t('settings.title')} />
      <Paper variant="outlined" sx={{ p: 3, mb: 3, maxWidth: 720 }}>
        <FormControl>
          <Typography variant="h2" id={labelId} sx={{ mb: 1 }}>
            {t('settings.language')}
          </Typography>
          <RadioGroup
            aria-labelledby={labelId}
            aria-describedby={hintId}
            value={language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) setLanguage(event.target.value);
            }}
          >
            {languages.map((code) => (
              <FormControlLabel
                key={code}
                value={code}
                control={<Radio />}
                label={t(`settings.languages.${code}`)}
                lang={code}
              />
            ))}
          </RadioGroup>
          <FormHelperText id={hintId} sx={{ mx: 0 }}>
            {t('settings.languageHint')}
          </FormHelperText>
        </FormControl>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3, mb: 3, maxWidth: 720 }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          {t('settings.desk')}
        </Typography>
        <FieldList items={[{ label: t('settings.deskName'), value: deskName }]} />
      </Paper>
      {can('settings.manage') && <EmergencyHoursCard />}
      {can('ops.manage') && <DbKeyCard />}
      {can('ops.manage') && <BackupsCard />}
      <Paper variant="outlined" sx={{ p: 3, mb: 3, maxWidth: 720 }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          {t('settings.accounts')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          {can('staff.manage') && (
            <Button component={RouterLink} to="/settings/staff" variant="outlined">
              {t('settings.openStaff')}
            </Button>
          )}
          <Button component={RouterLink} to="/account" variant="outlined">
            {t('settings.openAccount')}
          </Button>
        </Box>
      </Paper>
      <SyncSettingsCard />
    </>
  );
}

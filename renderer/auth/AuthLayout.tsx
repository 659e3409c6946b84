import LocalHospitalOutlined from '@mui/icons-material/LocalHospitalOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { languages, useLanguage } from '../i18n/language';

/**
 * The frame of the screens before the desk opens (set-up, sign-in, lock, account set-up): no
 * rail, no search, no patient data; the desk's name, one card, and the interface language.
 */
export function AuthLayout({
  title,
  children,
  maxWidth = 520,
}: {
  title: string;
  children: ReactNode;
  maxWidth?: number;
}) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const session = useSession();
  const desk = session.status === 'ok' ? session.data.device.name : null;
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        bgcolor: 'background.default',
        px: 2,
        py: 4,
      }}
    >
      <Box component="header" sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 3, mt: { xs: 0, md: 4 } }}>
        <LocalHospitalOutlined color="primary" />
        <Typography component="div" sx={{ fontWeight: 500, fontSize: '1.125rem' }}>
          {t('app.title')}
        </Typography>
        {desk && (
          <Typography component="div" color="text.secondary" sx={{ ml: 1 }}>
            {t('status.desk', { name: desk })}
          </Typography>
        )}
      </Box>
      <Paper component="main" variant="outlined" sx={{ p: { xs: 3, md: 4 }, width: '100%', maxWidth }}>
        <Typography variant="h1" sx={{ mb: 2 }}>
          {title}
        </Typography>
        {children}
      </Paper>
      <Box component="footer" aria-label={t('settings.language')} sx={{ display: 'flex', gap: 1, mt: 2 }}>
        {languages.map((code) => (
          <Button
            key={code}
            lang={code}
            size="small"
            variant={code === language ? 'outlined' : 'text'}
            aria-pressed={code === language}
            onClick={() => setLanguage(code)}
          >
            {t(`settings.languages.${code}`)}
          </Button>
        ))}
      </Box>
    </Box>
  );
}

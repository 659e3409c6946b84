import LocalHospitalOutlined from '@mui/icons-material/LocalHospitalOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTexts } from '../i18n/use-texts';
import { Preferences } from './Preferences';

/** The cabinet's name, the language and scheme switches, and whatever the frame adds (sign out). */
export function TopBar({ children }: { children?: ReactNode }) {
  const { t } = useTexts();
  return (
    <AppBar position="sticky" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar sx={{ gap: 1, px: { xs: 1, sm: 2 } }}>
        <LocalHospitalOutlined color="primary" aria-hidden />
        <Typography
          component={Link}
          to="/"
          variant="h6"
          noWrap
          sx={{
            flexGrow: 1,
            minWidth: 0,
            color: 'text.primary',
            textDecoration: 'none',
            fontSize: { xs: '1rem', sm: '1.25rem' },
          }}
        >
          {t('app.title')}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Preferences />
          {children}
        </Box>
      </Toolbar>
    </AppBar>
  );
}

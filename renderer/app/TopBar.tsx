import LocalHospitalOutlined from '@mui/icons-material/LocalHospitalOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { TopSearch } from '../search/TopSearch';
import { usePermissions } from './session';

export function TopBar() {
  const { t } = useTranslation();
  const can = usePermissions();
  return (
    <AppBar
      component="header"
      position="static"
      color="inherit"
      elevation={0}
      sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      <Toolbar sx={{ gap: 3, minHeight: 72 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width: 208, flexShrink: 0 }}>
          <LocalHospitalOutlined color="primary" />
          <Typography component="div" sx={{ fontWeight: 500, fontSize: '1.125rem' }} noWrap>
            {t('app.title')}
          </Typography>
        </Box>
        {can('patients.read') && <TopSearch />}
      </Toolbar>
    </AppBar>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { NavRail } from './NavRail';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** Top bar with the search, the left rail, the screen, and the status bar (UX.md "The frame"). */
export function AppFrame() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  return (
    <Box sx={{ display: 'grid', gridTemplateRows: 'auto 1fr auto', gridTemplateColumns: '232px 1fr', height: '100vh' }}>
      <Button
        onClick={() => main.current?.focus()}
        sx={{
          position: 'absolute',
          left: 8,
          top: 8,
          zIndex: 2000,
          transform: 'translateY(-200%)',
          '&:focus-visible': { transform: 'none' },
        }}
        variant="contained"
      >
        {t('app.skipToContent')}
      </Button>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <TopBar />
      </Box>
      <Box sx={{ borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto' }}>
        <NavRail />
      </Box>
      <Box
        component="main"
        ref={main}
        tabIndex={-1}
        sx={{ overflowY: 'auto', p: { xs: 2, md: 4 }, outline: 'none', position: 'relative' }}
      >
        <Box sx={{ maxWidth: 1280 }}>
          <Outlet />
        </Box>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <StatusBar />
      </Box>
    </Box>
  );
}

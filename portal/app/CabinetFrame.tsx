import BottomNavigation from '@mui/material/BottomNavigation';
import BottomNavigationAction from '@mui/material/BottomNavigationAction';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import { Link, Outlet, useLocation } from 'react-router';
import { useTexts } from '../i18n/use-texts';
import { sections } from './sections';
import { SignOutButton } from './SignOutButton';
import { SkipLink } from './SkipLink';
import { TopBar } from './TopBar';

const railWidth = 248;

/**
 * The signed-in patient's cabinet: a side navigation on a wide screen, a bottom navigation on a
 * phone (md and below), the screen in between.
 */
export function CabinetFrame() {
  const { t } = useTexts();
  const { pathname } = useLocation();
  const current = [...sections].sort((a, b) => b.path.length - a.path.length).find((s) => pathname.startsWith(s.path));
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <SkipLink />
      <TopBar>
        <SignOutButton />
      </TopBar>
      <Box sx={{ display: 'flex' }}>
        <Box
          component="nav"
          aria-label={t('app.menu')}
          sx={{
            display: { xs: 'none', md: 'block' },
            width: railWidth,
            flexShrink: 0,
            borderRight: 1,
            borderColor: 'divider',
            minHeight: 'calc(100vh - 64px)',
            bgcolor: 'background.paper',
          }}
        >
          <List>
            {sections.map((section) => (
              <ListItem key={section.path} disablePadding>
                <ListItemButton
                  component={Link}
                  to={section.path}
                  selected={current?.path === section.path}
                  aria-current={current?.path === section.path ? 'page' : undefined}
                >
                  <ListItemIcon>{section.icon}</ListItemIcon>
                  <ListItemText primary={t(section.label)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Box>
        <Box
          component="main"
          id="main"
          tabIndex={-1}
          sx={{
            flexGrow: 1,
            minWidth: 0,
            px: { xs: 1.5, sm: 3 },
            py: { xs: 2, sm: 3 },
            pb: { xs: 11, md: 3 },
            outline: 'none',
          }}
        >
          <Outlet />
        </Box>
      </Box>
      <Paper
        component="nav"
        aria-label={t('app.menu')}
        elevation={3}
        sx={{ display: { xs: 'block', md: 'none' }, position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 10 }}
      >
        <BottomNavigation showLabels value={current?.bottom ? current.path : false}>
          {sections
            .filter((section) => section.bottom)
            .map((section) => (
              <BottomNavigationAction
                key={section.path}
                component={Link}
                to={section.path}
                value={section.path}
                label={t(section.label)}
                icon={section.icon}
                aria-current={current?.path === section.path ? 'page' : undefined}
              />
            ))}
        </BottomNavigation>
      </Paper>
    </Box>
  );
}

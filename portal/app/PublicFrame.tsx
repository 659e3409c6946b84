import Box from '@mui/material/Box';
import { Outlet } from 'react-router';
import { SignOutButton } from './SignOutButton';
import { SkipLink } from './SkipLink';
import { TopBar } from './TopBar';
import { useSession } from '../api/session';

/** The frame of the screens before the cabinet: registration, confirmations, the application, sign-in. */
export function PublicFrame() {
  const { me } = useSession();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <SkipLink />
      <TopBar>{me ? <SignOutButton /> : null}</TopBar>
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        sx={{ px: { xs: 1.5, sm: 3 }, py: { xs: 2, sm: 4 }, outline: 'none' }}
      >
        <Outlet />
      </Box>
    </Box>
  );
}

import DesktopWindowsOutlined from '@mui/icons-material/DesktopWindowsOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/language';
import { useSignedInName } from './actor-name';
import { useSession, useSessionControl } from './session';
import { SyncStatusItem } from './SyncStatusItem';

function StatusItem({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0 }}>
      {icon}
      <Typography variant="body2" noWrap>
        {children}
      </Typography>
    </Box>
  );
}

/** Who is signed in, at which desk, the sync state — honestly, even when it is "none" — and the lock (Ctrl+L). */
export function StatusBar() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const session = useSession();
  const { lock } = useSessionControl();
  const signedInName = useSignedInName();
  const iconSx = { fontSize: 18, color: 'text.secondary' } as const;

  let who: string;
  let desk: string | null = null;
  if (session.status === 'ok') {
    const { actor } = session.data;
    who = actor
      ? t('status.signedIn', { name: signedInName(actor), role: t(`roles.${actor.role}`) })
      : t('status.sessionLoading');
    desk = t('status.desk', { name: session.data.device.name });
  } else if (session.status === 'failed') {
    who = t('status.sessionFailed', { message: pick(session.error.message) });
  } else {
    who = t('status.sessionLoading');
  }

  return (
    <Box
      component="footer"
      aria-label={t('status.label')}
      sx={{
        display: 'flex',
        gap: 3,
        alignItems: 'center',
        px: 2,
        py: 0.75,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        minHeight: 36,
      }}
    >
      <StatusItem icon={<PersonOutlined sx={iconSx} />}>{who}</StatusItem>
      {desk && <StatusItem icon={<DesktopWindowsOutlined sx={iconSx} />}>{desk}</StatusItem>}
      <Box sx={{ flex: 1 }} />
      <SyncStatusItem />
      <Button
        size="small"
        variant="outlined"
        startIcon={<LockOutlined />}
        onClick={() => void lock()}
        title={t('status.lockShortcut')}
        sx={{ minHeight: 32, flexShrink: 0 }}
      >
        {t('status.lock')}
      </Button>
    </Box>
  );
}

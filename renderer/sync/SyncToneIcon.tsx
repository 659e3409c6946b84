import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';
import type { SyncTone } from './sync-summary';

const icons: Record<SyncTone, { Icon: ComponentType<SvgIconProps>; color: string }> = {
  ok: { Icon: CloudDoneOutlined, color: 'success.main' },
  working: { Icon: CloudSyncOutlined, color: 'primary.main' },
  offline: { Icon: SyncProblemOutlined, color: 'warning.main' },
  off: { Icon: CloudOffOutlined, color: 'text.secondary' },
  error: { Icon: ErrorOutlineOutlined, color: 'error.main' },
};

/** The sync state at a glance; decorative, the text next to it says the same in words. */
export function SyncToneIcon({ tone, fontSize = 18 }: { tone: SyncTone; fontSize?: number }) {
  const { Icon, color } = icons[tone];
  return <Icon aria-hidden sx={{ fontSize, color, flexShrink: 0 }} />;
}

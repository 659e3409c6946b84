import LinearProgress from '@mui/material/LinearProgress';
import type { SxProps, Theme } from '@mui/material/styles';
import type { SyncProgressView } from './sync-summary';

/** Long work shows how far it is (UX.md); the bar is named by the same words shown beside it. */
export function SyncProgressBar({ progress, sx }: { progress: SyncProgressView; sx?: SxProps<Theme> }) {
  return (
    <LinearProgress
      aria-label={progress.text}
      variant={progress.percent === null ? 'indeterminate' : 'determinate'}
      value={progress.percent ?? undefined}
      sx={sx}
    />
  );
}

import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../../shared/scans/scan-inputs';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { formatDateTime } from '../../../format/date-time';

const zoomSteps = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4] as const;

/**
 * A scan at full size (UX: scans): zoom with the buttons or + / − / 0 on the keyboard; the
 * picture scrolls when it is larger than the window. A PDF shows one page's scanned image at a
 * time (PageUp / PageDown). While another desk's file is still on its way, it says so.
 */
export function ScanViewer({
  scan,
  onClose,
  actions,
}: {
  scan: ScanSummary;
  onClose: () => void;
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [zoom, setZoom] = useState<number>(1);
  const [page, setPage] = useState(1);
  const isPdf = scan.mime === 'application/pdf';
  const file = useApiQuery(`content:${scan.id}:${page}`, (api) =>
    api.scans.content({ id: scan.id, ...(isPdf ? { page } : {}) }),
  );
  const turn = (by: 1 | -1) => setPage((current) => Math.min(Math.max(current + by, 1), scan.pages));
  const step = (direction: 1 | -1) => {
    const index = zoomSteps.findIndex((value) => value >= zoom);
    const next =
      zoomSteps[Math.min(Math.max((index === -1 ? zoomSteps.length - 1 : index) + direction, 0), zoomSteps.length - 1)];
    setZoom(next ?? 1);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-') step(-1);
    else if (event.key === '0') setZoom(1);
    else if (isPdf && event.key === 'PageDown') turn(1);
    else if (isPdf && event.key === 'PageUp') turn(-1);
    else return;
    event.preventDefault();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xl" onKeyDown={onKeyDown}>
      <DialogTitle id={titleId}>
        {t(`scans.purposes.${scan.purpose}`)} · {formatDateTime(scan.createdAt)}
      </DialogTitle>
      <DialogContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <IconButton onClick={() => step(-1)} aria-label={t('scans.viewer.zoomOut')} disabled={zoom <= zoomSteps[0]}>
            <ZoomOutIcon />
          </IconButton>
          <Typography aria-live="polite" sx={{ minWidth: 56, textAlign: 'center' }} data-testid="scan-zoom">
            {Math.round(zoom * 100)} %
          </Typography>
          <IconButton
            onClick={() => step(1)}
            aria-label={t('scans.viewer.zoomIn')}
            disabled={zoom >= zoomSteps[zoomSteps.length - 1]!}
          >
            <ZoomInIcon />
          </IconButton>
          <IconButton onClick={() => setZoom(1)} aria-label={t('scans.viewer.zoomReset')}>
            <FitScreenIcon />
          </IconButton>
          <Typography variant="body2" color="text.secondary">
            {t('scans.viewer.keys')}
          </Typography>
          {isPdf && scan.pages > 1 && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', ml: 'auto' }}>
              <Button onClick={() => turn(-1)} disabled={page <= 1}>
                {t('scans.viewer.previousPage')}
              </Button>
              <Typography aria-live="polite">{t('scans.viewer.page', { page, pages: scan.pages })}</Typography>
              <Button onClick={() => turn(1)} disabled={page >= scan.pages}>
                {t('scans.viewer.nextPage')}
              </Button>
            </Stack>
          )}
        </Stack>
        <Box
          tabIndex={0}
          aria-label={t('scans.viewer.picture')}
          role="region"
          sx={{
            overflow: 'auto',
            height: '65vh',
            bgcolor: 'grey.200',
            borderRadius: 1,
            '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
          }}
        >
          {file.status === 'failed' && <ApiErrorAlert title={t('scans.viewer.failed')} problems={[file.error]} />}
          {(file.status === 'loading' || file.status === 'idle') && (
            <Box sx={{ display: 'grid', placeItems: 'center', height: '100%' }}>
              <CircularProgress aria-label={t('common.loading')} />
            </Box>
          )}
          {file.status === 'ok' && file.data.state === 'downloading' && (
            <Alert severity="info" sx={{ m: 2 }}>
              {t('scans.viewer.downloading')}
            </Alert>
          )}
          {file.status === 'ok' && file.data.state === 'ready' && (
            <Box
              component="img"
              src={`data:${file.data.mime};base64,${file.data.data}`}
              alt={t('scans.viewer.alt', { purpose: t(`scans.purposes.${scan.purpose}`) })}
              sx={{ display: 'block', width: `${zoom * 100}%`, maxWidth: 'none', mx: 'auto' }}
            />
          )}
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {actions}
        <Button onClick={onClose} autoFocus>
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

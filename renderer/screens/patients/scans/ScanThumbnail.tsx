import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../../shared/scans/scan-inputs';
import { formatDateTime } from '../../../format/date-time';
import { useApiQuery } from '../../../api/use-api-query';

/** One scan in the card: its thumbnail (or that it is still on its way), what it is, who took it when. */
export function ScanThumbnail({ scan, onOpen }: { scan: ScanSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const file = useApiQuery(`thumb:${scan.id}:${scan.thumbnailReady}`, (api) => api.scans.thumbnail({ id: scan.id }));
  const label = t('scans.gallery.open', {
    purpose: t(`scans.purposes.${scan.purpose}`),
    date: formatDateTime(scan.createdAt),
  });
  return (
    <Box component="li" sx={{ listStyle: 'none' }}>
      <ButtonBase
        onClick={onOpen}
        aria-label={label}
        sx={{
          display: 'grid',
          width: 200,
          textAlign: 'left',
          borderRadius: 1,
          border: 1,
          borderColor: 'divider',
          p: 1,
          gap: 0.5,
          '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
        }}
      >
        <Box sx={{ height: 130, display: 'grid', placeItems: 'center', bgcolor: 'action.hover', overflow: 'hidden' }}>
          {file.status === 'ok' && file.data.state === 'ready' ? (
            <Box
              component="img"
              src={`data:${file.data.mime};base64,${file.data.data}`}
              alt=""
              sx={{ maxWidth: '100%', maxHeight: 130 }}
            />
          ) : file.status === 'ok' ? (
            <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
              {t('scans.gallery.downloading')}
            </Typography>
          ) : (
            <Skeleton variant="rectangular" width={180} height={120} />
          )}
        </Box>
        <Typography variant="body2" sx={{ fontWeight: 600, display: 'flex', gap: 0.5, alignItems: 'center' }}>
          {scan.mime === 'application/pdf' && <PictureAsPdfIcon fontSize="small" aria-hidden />}
          {t(`scans.purposes.${scan.purpose}`)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('scans.gallery.takenBy', {
            date: formatDateTime(scan.createdAt),
            name: scan.createdByName ?? t('scans.gallery.uploadedOnline'),
          })}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('scans.gallery.measures', { dpi: scan.dpi, pages: scan.pages })}
        </Typography>
      </ButtonBase>
    </Box>
  );
}

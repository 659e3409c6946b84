import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../../shared/scans/scan-inputs';
import { usePermissions } from '../../../app/session';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { ScanThumbnail } from './ScanThumbnail';
import { ScanViewer } from './ScanViewer';

const downloadRecheckMs = 10_000;

export interface ScanGalleryProps {
  patientId: string;
  /** Only the scans of this row (a document, a consent, a proxy, a verification). */
  attachedTo?: string;
  /** Changes when the caller knows the list changed (a scan was just accepted). */
  refreshKey?: string | number;
}

/** A patient's scans as thumbnails (UX: scans); each opens the full-size viewer with zoom. */
export function ScanGallery({ patientId, attachedTo, refreshKey }: ScanGalleryProps) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState<ScanSummary | null>(null);
  const [removing, setRemoving] = useState<ScanSummary | null>(null);
  const list = useApiQuery(`scans:${patientId}:${attachedTo ?? ''}:${refreshKey ?? ''}:${reload}`, (api) =>
    api.scans.list({ patientId, ...(attachedTo ? { attachedTo } : {}) }),
  );

  // Files another desk took arrive through the sync worker: look again while any is on its way.
  const waiting = list.status === 'ok' && list.data.items.some((scan) => !scan.thumbnailReady || !scan.contentReady);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setReload((n) => n + 1), downloadRecheckMs);
    return () => window.clearTimeout(timer);
  }, [waiting, list]);

  if (list.status === 'failed') return <ApiErrorAlert title={t('scans.gallery.failed')} problems={[list.error]} />;
  const items = list.status === 'ok' ? list.data.items : list.status === 'loading' ? list.previous?.items : undefined;
  if (!items) return <Skeleton variant="rectangular" height={180} aria-label={t('common.loading')} />;
  if (items.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 2 }}>
        {t('scans.gallery.empty')}
      </Typography>
    );
  }
  return (
    <>
      <Box
        component="ul"
        aria-label={t('scans.gallery.label')}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, p: 0, m: 0 }}
      >
        {items.map((scan) => (
          <ScanThumbnail key={scan.id} scan={scan} onOpen={() => setOpen(scan)} />
        ))}
      </Box>
      {open && (
        <ScanViewer
          scan={open}
          onClose={() => setOpen(null)}
          actions={
            can('patients.write') ? (
              <Button color="error" onClick={() => setRemoving(open)}>
                {t('scans.remove.open')}
              </Button>
            ) : undefined
          }
        />
      )}
      {removing && (
        <ReasonDialog
          texts={{
            title: t('scans.remove.title'),
            intro: t('scans.remove.intro'),
            reason: t('scans.remove.reason'),
            submit: t('scans.remove.submit'),
            failed: t('scans.remove.failed'),
          }}
          multiline
          send={(api, reason) => api.scans.remove({ id: removing.id, reason })}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            setOpen(null);
            setReload((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

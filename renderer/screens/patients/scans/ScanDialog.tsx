import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptScanResult } from '../../../../shared/api/scan-calls';
import type { ApiError } from '../../../../shared/errors/app-error';
import type { DocumentSize, ScanSource, ScanSummary } from '../../../../shared/scans/scan-inputs';
import type { ScanPurpose } from '../../../../shared/scans/scan-purpose';
import { useApi } from '../../../api/api-context';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { CameraCapture } from './CameraCapture';
import { ScanChecklistView } from './ScanChecklistView';
import { ScannerSource } from './ScannerSource';
import { sendScanFile } from './send-scan-file';

export interface ScanDialogProps {
  open: boolean;
  patientId: string;
  purpose: ScanPurpose;
  /** The row the scan belongs to (a document, a consent, a proxy, a verification). */
  attachedTo?: string;
  onClose(): void;
  onAccepted(scan: ScanSummary): void;
}

type Phase =
  | { step: 'idle' }
  | { step: 'sending'; sent: number; total: number }
  | { step: 'scanning'; percent: number | null }
  | { step: 'checking' }
  | { step: 'checked'; result: AcceptScanResult }
  | { step: 'failed'; error: ApiError };

const sources: readonly ScanSource[] = ['scanner', 'camera', 'file'];

/**
 * Taking a scan of a document (B4): from a scanner through SANE, from the camera, or from a
 * file; the file goes to the desk with progress, then the checklist shows each rule's measure.
 */
export function ScanDialog({ open, patientId, purpose, attachedTo, onClose, onAccepted }: ScanDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<ScanSource>('file');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const busy = phase.step === 'sending' || phase.step === 'scanning' || phase.step === 'checking';
  // Opened again for the next document: a clean slate, not the last scan's checklist.
  useEffect(() => {
    if (open) setPhase({ step: 'idle' });
  }, [open]);

  const accept = useCallback(
    async (uploadId: string, from: ScanSource, documentSize?: DocumentSize) => {
      setPhase({ step: 'checking' });
      const input = {
        uploadId,
        patientId,
        attachedTo: attachedTo ?? null,
        source: from,
        ...(documentSize ? { documentSize } : {}),
      };
      // A chart's document is a doctor's: their own calls (chart.write), not the front desk's.
      const answer =
        purpose === 'chart_document'
          ? await api.chart['scans.accept'](input)
          : await api.scans.accept({ ...input, purpose });
      if (!answer.ok) return setPhase({ step: 'failed', error: answer.error });
      setPhase({ step: 'checked', result: answer.data });
      if (answer.data.accepted) onAccepted(answer.data.scan);
    },
    [api, patientId, purpose, attachedTo, onAccepted],
  );

  const send = useCallback(
    async (file: Blob, from: ScanSource, documentSize?: DocumentSize) => {
      setPhase({ step: 'sending', sent: 0, total: file.size });
      const upload = purpose === 'chart_document' ? api.chart['scans.upload'] : api.scans.upload;
      const sent = await sendScanFile(upload, file, (bytes, total) =>
        setPhase({ step: 'sending', sent: bytes, total }),
      );
      if (!sent.ok) return setPhase({ step: 'failed', error: sent.error });
      await accept(sent.data.uploadId, from, documentSize);
    },
    [api, accept, purpose],
  );

  const onScannerProgress = useCallback((percent: number | null) => {
    setPhase((prior) =>
      percent === null ? (prior.step === 'scanning' ? { step: 'idle' } : prior) : { step: 'scanning', percent },
    );
  }, []);
  const onScanned = useCallback((uploadId: string) => void accept(uploadId, 'scanner'), [accept]);

  const checklist = phase.step === 'checked' ? phase.result.checklist : null;
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('scans.dialog.title', { purpose: t(`scans.purposes.${purpose}`) })}</DialogTitle>
      <DialogContent>
        <Tabs
          value={source}
          onChange={(_, value: ScanSource) => setSource(value)}
          aria-label={t('scans.dialog.sources')}
          sx={{ mb: 2 }}
        >
          {sources.map((name) => (
            <Tab
              key={name}
              value={name}
              label={t(`scans.sources.${name}`)}
              disabled={busy}
              id={`scan-source-${name}`}
              aria-controls={`scan-source-panel-${name}`}
            />
          ))}
        </Tabs>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 3, alignItems: 'start' }}>
          <Box role="tabpanel" id={`scan-source-panel-${source}`} aria-labelledby={`scan-source-${source}`}>
            {source === 'scanner' && <ScannerSource busy={busy} onProgress={onScannerProgress} onScanned={onScanned} />}
            {source === 'camera' && open && (
              <CameraCapture busy={busy} onCapture={(frame, size) => void send(frame, 'camera', size)} />
            )}
            {source === 'file' && (
              <Box sx={{ display: 'grid', gap: 2 }}>
                <Typography color="text.secondary">{t('scans.file.hint')}</Typography>
                <input
                  ref={fileInput}
                  type="file"
                  hidden
                  accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
                  aria-label={t('scans.file.input')}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void send(file, 'file');
                  }}
                />
                <Box>
                  <Button
                    variant="contained"
                    startIcon={<UploadFileIcon />}
                    disabled={busy}
                    onClick={() => fileInput.current?.click()}
                    autoFocus
                  >
                    {t('scans.file.choose')}
                  </Button>
                </Box>
              </Box>
            )}
            <Box sx={{ mt: 2 }} aria-live="polite">
              {phase.step === 'sending' && (
                <>
                  <Typography variant="body2">
                    {t('scans.progress.sending', {
                      sent: (phase.sent / 1024 / 1024).toFixed(1),
                      total: (phase.total / 1024 / 1024).toFixed(1),
                    })}
                  </Typography>
                  <LinearProgress
                    variant="determinate"
                    value={phase.total ? (100 * phase.sent) / phase.total : 0}
                    aria-label={t('scans.progress.label')}
                  />
                </>
              )}
              {phase.step === 'scanning' && (
                <>
                  <Typography variant="body2">
                    {phase.percent === null
                      ? t('scans.progress.scanningStarted')
                      : t('scans.progress.scanning', { percent: Math.round(phase.percent) })}
                  </Typography>
                  <LinearProgress
                    variant={phase.percent === null ? 'indeterminate' : 'determinate'}
                    value={phase.percent ?? 0}
                    aria-label={t('scans.progress.label')}
                  />
                </>
              )}
              {phase.step === 'checking' && (
                <>
                  <Typography variant="body2">{t('scans.progress.checking')}</Typography>
                  <LinearProgress aria-label={t('scans.progress.label')} />
                </>
              )}
              {phase.step === 'failed' && <ApiErrorAlert title={t('scans.dialog.failed')} problems={[phase.error]} />}
              {phase.step === 'checked' &&
                (phase.result.accepted ? (
                  <Alert severity="success">{t('scans.dialog.accepted')}</Alert>
                ) : (
                  <ApiErrorAlert title={t('scans.dialog.refused')} problems={[phase.result.error]} />
                ))}
            </Box>
          </Box>
          <Box>
            <Typography variant="h3" component="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
              {t('scans.check.title')}
            </Typography>
            <ScanChecklistView checklist={checklist} checking={phase.step === 'checking'} />
          </Box>
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {phase.step === 'checked' && phase.result.accepted ? t('scans.dialog.done') : t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentSizeNames, documentSizes, type DocumentSize } from '../../../../shared/scans/scan-inputs';

/** The part of the frame inside the guide: the document's proportions, as large as the frame allows. */
function guideOf(width: number, height: number, size: DocumentSize): { x: number; y: number; w: number; h: number } {
  const { longMm, shortMm } = documentSizes[size];
  const ratio = longMm / shortMm;
  const w = Math.min(width, Math.round(height * ratio));
  const h = Math.min(height, Math.round(w / ratio));
  return { x: Math.round((width - w) / 2), y: Math.round((height - h) / 2), w, h };
}

/**
 * A live camera preview with a guide in the document's proportions; «Снять» takes the frame
 * inside the guide as a JPEG. The paper size tells the desk the frame's resolution.
 */
export function CameraCapture({
  busy,
  onCapture,
}: {
  busy: boolean;
  onCapture: (frame: Blob, size: DocumentSize) => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [size, setSize] = useState<DocumentSize>('passport_page');
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 3840 }, height: { ideal: 2160 } }, audio: false })
      .then((opened) => {
        if (stopped) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        if (video.current) {
          video.current.srcObject = opened;
          void video.current.play().then(() => setReady(true));
        }
      })
      .catch((error: unknown) => setFailure(error instanceof DOMException ? error.name : 'Error'));
    if (!navigator.mediaDevices) setFailure('NotSupportedError');
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  function capture() {
    const element = video.current;
    if (!element || element.videoWidth === 0) return;
    const guide = guideOf(element.videoWidth, element.videoHeight, size);
    const canvas = document.createElement('canvas');
    canvas.width = guide.w;
    canvas.height = guide.h;
    canvas.getContext('2d')?.drawImage(element, guide.x, guide.y, guide.w, guide.h, 0, 0, guide.w, guide.h);
    canvas.toBlob((blob) => blob && onCapture(blob, size), 'image/jpeg', 0.92);
  }

  const { longMm, shortMm } = documentSizes[size];
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        select
        label={t('scans.camera.paper')}
        value={size}
        onChange={(event) => setSize(event.target.value as DocumentSize)}
        size="small"
      >
        {documentSizeNames.map((name) => (
          <MenuItem key={name} value={name}>
            {t(`scans.camera.sizes.${name}`)}
          </MenuItem>
        ))}
      </TextField>
      {failure ? (
        <Alert severity="warning">{t('scans.camera.unavailable', { reason: failure })}</Alert>
      ) : (
        <Box
          sx={{ position: 'relative', bgcolor: 'grey.900', borderRadius: 1, overflow: 'hidden', aspectRatio: '16 / 9' }}
        >
          <Box
            component="video"
            ref={video}
            muted
            playsInline
            aria-label={t('scans.camera.preview')}
            sx={{ width: '100%', height: '100%', objectFit: 'contain' }}
          />
          <Box
            aria-hidden
            sx={{
              position: 'absolute',
              inset: 0,
              m: 'auto',
              height: '100%',
              aspectRatio: `${longMm} / ${shortMm}`,
              maxWidth: '100%',
              border: '3px dashed',
              borderColor: 'warning.light',
              pointerEvents: 'none',
            }}
          />
        </Box>
      )}
      <Box>
        <Button
          variant="contained"
          startIcon={<PhotoCameraIcon />}
          onClick={capture}
          disabled={busy || !ready || failure !== null}
        >
          {t('scans.camera.capture')}
        </Button>
      </Box>
    </Box>
  );
}

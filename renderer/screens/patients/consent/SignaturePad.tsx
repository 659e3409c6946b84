import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { forwardRef, useImperativeHandle, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SignaturePadHandle {
  /** The drawing as a PNG in base64, or null when nothing was drawn. */
  toPng(): string | null;
  clear(): void;
}

const width = 600;
const height = 200;

/**
 * The patient signs here with a pen, the mouse or a finger (B8): pointer events on a canvas,
 * strokes in dark ink on a transparent sheet. The one mouse/pen control of the consent; the
 * keyboard path is the scanned signed form.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { onChange(empty: boolean): void }>(function SignaturePad(
  { onChange },
  ref,
) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const inked = useRef(false);

  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#0d1b5e';
      ctx.fillStyle = '#0d1b5e';
    }
    return ctx;
  };

  /** The pointer in the canvas's own pixels, whatever size CSS gives it. */
  const pointOf = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * width) / box.width,
      y: ((event.clientY - box.top) * height) / box.height,
    };
  };

  const clear = () => {
    context()?.clearRect(0, 0, width, height);
    inked.current = false;
    onChange(true);
  };

  useImperativeHandle(ref, () => ({
    toPng: () =>
      inked.current && canvas.current
        ? canvas.current.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
        : null,
    clear,
  }));

  return (
    <Box>
      <Box
        component="canvas"
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={t('consent.acceptDialog.padLabel')}
        onPointerDown={(event: PointerEvent<HTMLCanvasElement>) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          const point = pointOf(event);
          drawing.current = point;
          const ctx = context();
          ctx?.beginPath();
          ctx?.arc(point.x, point.y, 1.5, 0, Math.PI * 2);
          ctx?.fill();
        }}
        onPointerMove={(event: PointerEvent<HTMLCanvasElement>) => {
          const from = drawing.current;
          if (!from) return;
          const to = pointOf(event);
          const ctx = context();
          ctx?.beginPath();
          ctx?.moveTo(from.x, from.y);
          ctx?.lineTo(to.x, to.y);
          ctx?.stroke();
          drawing.current = to;
          if (!inked.current) {
            inked.current = true;
            onChange(false);
          }
        }}
        onPointerUp={() => (drawing.current = null)}
        onPointerCancel={() => (drawing.current = null)}
        sx={{
          display: 'block',
          width: '100%',
          maxWidth: width,
          aspectRatio: `${width} / ${height}`,
          border: 2,
          borderColor: 'text.secondary',
          borderStyle: 'dashed',
          borderRadius: 1,
          bgcolor: '#fff',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Button onClick={clear} sx={{ mt: 1 }}>
        {t('consent.acceptDialog.clear')}
      </Button>
    </Box>
  );
});

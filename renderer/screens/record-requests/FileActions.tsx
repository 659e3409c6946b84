import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RecordFileJob } from '../../../shared/api/record-request-calls';
import type { FileFormat } from '../../../shared/rights/record-requests';
import { FieldMessage } from '../../forms/FieldMessage';

/**
 * One asked file format's action: «Сделать PDF», or — while the export runs — its progress (with
 * words for screen readers) and «Отменить»; a failed or cancelled job says so and may be tried again.
 */
export function FileAction({
  format,
  job,
  disabled,
  onStart,
  onCancel,
}: {
  format: FileFormat;
  job: RecordFileJob | undefined;
  disabled: boolean;
  onStart(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const name = t(`recordRequests.format.${format}`);
  if (job?.state === 'running') {
    const words =
      job.total > 0
        ? t('recordRequests.job.progress', { format: name, done: job.done, total: job.total })
        : t('recordRequests.job.preparing', { format: name });
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, alignSelf: 'stretch' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="body2" role="status">
            {words}
          </Typography>
          <LinearProgress
            variant={job.total > 0 ? 'determinate' : 'indeterminate'}
            value={job.total > 0 ? (100 * job.done) / job.total : undefined}
            aria-label={words}
          />
        </Box>
        <Button onClick={onCancel}>{t('recordRequests.actions.cancel')}</Button>
      </Box>
    );
  }
  return (
    <Box>
      <Button variant="outlined" onClick={onStart} disabled={disabled}>
        {t('recordRequests.actions.make', { format: name })}
      </Button>
      {job?.state === 'cancelled' && (
        <Typography variant="body2" color="text.secondary" role="status" sx={{ mt: 0.5 }}>
          {t('recordRequests.job.cancelled', { format: name })}
        </Typography>
      )}
      {job?.state === 'failed' && job.error && (
        <Typography variant="body2" color="error" role="alert" sx={{ mt: 0.5 }}>
          {t('recordRequests.job.failed', { format: name })}: <FieldMessage problem={job.error} />
        </Typography>
      )}
    </Box>
  );
}

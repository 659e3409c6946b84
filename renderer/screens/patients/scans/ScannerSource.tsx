import ScannerIcon from '@mui/icons-material/Scanner';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanJob } from '../../../../shared/api/scan-calls';
import type { ApiError } from '../../../../shared/errors/app-error';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';

const pollMs = 300;

/**
 * The scanners SANE finds, and a scan at 300 dpi of the chosen one: the job's progress is
 * polled and shown; the page is then checked like any file.
 */
export function ScannerSource({
  busy,
  onProgress,
  onScanned,
}: {
  busy: boolean;
  onProgress: (percent: number | null) => void;
  onScanned: (uploadId: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const devices = useApiQuery('scanners', (a) => a.scans.devices({}));
  const [deviceId, setDeviceId] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const items = devices.status === 'ok' ? devices.data.items : [];

  useEffect(() => {
    const first = items[0];
    if (!deviceId && first) setDeviceId(first.id);
  }, [items, deviceId]);

  useEffect(() => {
    if (!jobId) return;
    let current = true;
    const poll = async () => {
      const answer = await api.scans.job({ jobId });
      if (!current) return;
      if (!answer.ok) return finish(answer.error, null);
      const job: ScanJob = answer.data;
      if (job.state === 'scanning') {
        onProgress(job.percent);
        timer = window.setTimeout(() => void poll(), pollMs);
      } else finish(job.error, job.uploadId);
    };
    const finish = (failure: ApiError | null, uploadId: string | null) => {
      setJobId(null);
      onProgress(null);
      if (uploadId) onScanned(uploadId);
      else setError(failure);
    };
    let timer = window.setTimeout(() => void poll(), pollMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // onProgress/onScanned are the dialog's stable callbacks; the job id says when to poll.
  }, [api, jobId]);

  async function scan() {
    setError(null);
    onProgress(0);
    const answer = await api.scans.scan({ deviceId });
    if (answer.ok) setJobId(answer.data.jobId);
    else {
      onProgress(null);
      setError(answer.error);
    }
  }

  if (devices.status === 'failed')
    return <ApiErrorAlert title={t('scans.scanner.listFailed')} problems={[devices.error]} />;
  if (devices.status === 'ok' && items.length === 0) return <Alert severity="info">{t('scans.scanner.none')}</Alert>;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        select
        size="small"
        label={t('scans.scanner.device')}
        value={items.some((item) => item.id === deviceId) ? deviceId : ''}
        onChange={(event) => setDeviceId(event.target.value)}
        helperText={devices.status === 'loading' ? t('scans.scanner.searching') : t('scans.scanner.resolution')}
      >
        {items.map((item) => (
          <MenuItem key={item.id} value={item.id}>
            {`${item.vendor} ${item.model} (${item.id})`}
          </MenuItem>
        ))}
      </TextField>
      {error && <ApiErrorAlert title={t('scans.scanner.failed')} problems={[error]} />}
      <Box>
        <Button
          variant="contained"
          startIcon={<ScannerIcon />}
          onClick={() => void scan()}
          disabled={busy || jobId !== null || !deviceId}
        >
          {t('scans.scanner.scan')}
        </Button>
      </Box>
    </Box>
  );
}

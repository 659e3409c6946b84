import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CabinetLab } from '../../../../shared/cabinet/chart-api';
import { useClient } from '../../../api/session';
import { refusalProblems, type GeneralProblem } from '../../../forms/refusal';
import { useTexts } from '../../../i18n/use-texts';
import { formatDay, formatInstant } from '../../../ui/dates';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { fileSize } from './file-size';

export interface Doctor {
  id: string;
  name: string;
}

/** One uploaded result: what and when, download, and «Отправить врачу» until it is sent. */
export function LabItem({
  lab,
  doctors,
  onChange,
}: {
  lab: CabinetLab;
  doctors: readonly Doctor[] | undefined;
  onChange: (lab: CabinetLab) => void;
}) {
  const { t, language } = useTexts();
  const client = useClient();
  const [choosing, setChoosing] = useState(false);
  const [sent, setSent] = useState(false);
  const headingId = `lab-${lab.id}`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1}>
          <Typography id={headingId} variant="h3" component="h4" sx={{ overflowWrap: 'anywhere' }}>
            {lab.title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t(`entry.documentTypes.${lab.type}`)} · {formatDay(lab.date, language)} ·{' '}
            {fileSize(lab.bytes, t, language)}
          </Typography>
          {lab.comment ? (
            <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{lab.comment}</Typography>
          ) : null}
          <Typography variant="body2" color="text.secondary">
            {t('documents.uploadedAt', { date: formatInstant(lab.uploadedAt, language) })}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            color={lab.sentTo ? 'success' : 'default'}
            label={lab.sentTo ? t('documents.sentTo', { name: lab.sentTo.name }) : t('documents.notSent')}
            sx={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          />
          {sent && lab.sentTo ? (
            <Alert severity="success" role="status">
              {t('documents.sent', { name: lab.sentTo.name })}
            </Alert>
          ) : null}
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            <Button
              component="a"
              href={client.chart.fileUrl(lab.scanId)}
              download
              variant="outlined"
              startIcon={<DownloadOutlined />}
              aria-label={t('documents.downloadName', { title: lab.title })}
            >
              {t('documents.download')}
            </Button>
            {!lab.sentTo && !choosing ? (
              <Button variant="outlined" startIcon={<SendOutlined />} onClick={() => setChoosing(true)}>
                {t('documents.sendToDoctor')}
              </Button>
            ) : null}
          </Stack>
          {!lab.sentTo && choosing ? (
            <SendToDoctor
              lab={lab}
              doctors={doctors}
              onSent={(next) => {
                setChoosing(false);
                setSent(true);
                onChange(next);
              }}
            />
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

function SendToDoctor({
  lab,
  doctors,
  onSent,
}: {
  lab: CabinetLab;
  doctors: readonly Doctor[] | undefined;
  onSent: (lab: CabinetLab) => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const [doctorId, setDoctorId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  if (doctors && doctors.length === 0) return <Alert severity="info">{t('documents.noDoctors')}</Alert>;
  const send = async () => {
    if (!doctorId) return;
    setBusy(true);
    setProblems([]);
    try {
      onSent(await client.chart.sendLab(lab.id, doctorId));
    } catch (error) {
      setProblems(refusalProblems(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack
      component="form"
      spacing={1}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <TextField
          id={`lab-${lab.id}-doctor`}
          select
          label={t('documents.doctor')}
          value={doctorId}
          onChange={(event) => setDoctorId(event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 260 }}
        >
          <option value="" disabled>
            {t('documents.chooseDoctor')}
          </option>
          {(doctors ?? []).map((doctor) => (
            <option key={doctor.id} value={doctor.id}>
              {doctor.name}
            </option>
          ))}
        </TextField>
        <Button type="submit" variant="contained" disabled={busy || !doctorId}>
          {t('documents.send')}
        </Button>
      </Stack>
      <RefusalAlert problems={problems} />
    </Stack>
  );
}

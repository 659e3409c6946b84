import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { attachmentKinds, type AttachmentKind } from '../../../shared/appointments/schedule';
import {
  attachmentRequestSchema,
  type CabinetAppointment,
  type CabinetAttachment,
} from '../../../shared/cabinet/appointments-api';
import { useClient } from '../../api/session';
import { useChartUpload } from '../../api/use-chart-upload';
import { codeResolver } from '../../forms/code-resolver';
import { TextInput } from '../../forms/TextInput';
import { useSubmit } from '../../forms/use-submit';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { FileButton } from '../../ui/FileButton';
import { formBox } from '../../ui/form-box';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { fileSize } from '../chart/labs/file-size';

interface Values {
  kind: AttachmentKind;
  title: string;
}

// The contract's own schema, without the file (the server names it once it has checked it).
const schema = attachmentRequestSchema.omit({ scanId: true });

/**
 * «Прикрепить файл» to a visit: a referral or a result. The file goes through the cabinet's upload
 * (the chart's lab upload, use-chart-upload.ts), then is attached by its scan id — the server makes
 * it a chart document too, so the doctor sees it on the visit and in the chart.
 */
export function AttachForm({
  visit,
  onAttached,
  onClose,
}: {
  visit: CabinetAppointment;
  onAttached: (attachment: CabinetAttachment) => void;
  onClose: () => void;
}) {
  const { t, language } = useTexts();
  const client = useClient();
  const form = useForm<Values>({ resolver: codeResolver(schema), defaultValues: { kind: 'referral', title: '' } });
  const { run, busy, problems, setProblems } = useSubmit(form, ['kind', 'title']);
  const titleId = `attach-${visit.id}-title`;
  const { file, percent, choose, missing, upload } = useChartUpload(setProblems);
  const submit = form.handleSubmit((values) => {
    if (!file) {
      setProblems([missing]);
      return Promise.resolve();
    }
    return run(async () => {
      const scanId = await upload(file);
      onAttached(await client.appointments.attach(visit.id, { kind: values.kind, title: values.title.trim(), scanId }));
    });
  });
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby={titleId} sx={formBox}>
      <Typography id={titleId} variant="h3" component="h4">
        {t('appointments.attachTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('appointments.attachHelp')}
      </Typography>
      {file ? (
        <Typography sx={{ overflowWrap: 'anywhere' }}>
          {t('documents.chosen', { name: file.name, size: fileSize(file.size, t, language) })}
        </Typography>
      ) : null}
      <Box>
        <FileButton label={t('documents.choose')} onFile={choose} disabled={busy} />
      </Box>
      <TextInput
        form={form}
        name="kind"
        label={t('appointments.attachKind')}
        select
        slotProps={{ select: { native: true } }}
      >
        {attachmentKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`appointments.attachmentKinds.${kind}`)}
          </option>
        ))}
      </TextInput>
      <TextInput
        form={form}
        name="title"
        label={t('appointments.attachFileTitle')}
        help={t('appointments.attachTitleHelp')}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      {percent !== null ? (
        <Stack role="status" aria-live="polite" spacing={1}>
          <Typography variant="body2">{t('documents.uploading', { percent })}</Typography>
          <LinearProgress variant="determinate" value={percent} aria-label={t('documents.uploading', { percent })} />
        </Stack>
      ) : busy ? (
        <Busy label={t('appointments.attaching')} />
      ) : null}
      <RefusalAlert problems={problems} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('appointments.attachSubmit')}
        </Button>
        <Button variant="text" onClick={onClose} disabled={busy}>
          {t('appointments.attachClose')}
        </Button>
      </Stack>
    </Stack>
  );
}

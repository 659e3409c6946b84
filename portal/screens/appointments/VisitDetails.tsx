import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import VideocamOutlined from '@mui/icons-material/VideocamOutlined';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CabinetAppointment } from '../../../shared/cabinet/appointments-api';
import { useClient } from '../../api/session';
import { useTexts } from '../../i18n/use-texts';
import { formatDay } from '../../ui/dates';
import { Facts, type Fact } from '../../ui/Facts';

/** What a visit is: the specialist, the service, where (a room, or the video link), how to prepare, the files. */
export function VisitDetails({ visit }: { visit: CabinetAppointment }) {
  const { t } = useTexts();
  const facts: Fact[] = [
    {
      label: t('appointments.specialist'),
      value: [visit.specialistName, visit.specialtyName].filter(Boolean).join(', '),
    },
    { label: t('appointments.service'), value: visit.serviceName },
    { label: t('appointments.place'), value: <Place visit={visit} /> },
  ];
  // How to prepare matters only before the visit.
  const ahead = visit.status === 'booked' || visit.status === 'requested';
  if (visit.instructions && ahead) facts.push({ label: t('appointments.instructions'), value: visit.instructions });
  if (visit.attachments.length > 0)
    facts.push({ label: t('appointments.attachments'), value: <Files visit={visit} /> });
  return <Facts facts={facts} />;
}

function Place({ visit }: { visit: CabinetAppointment }) {
  const { t } = useTexts();
  if (visit.mode === 'in_person') return <>{visit.roomName ?? '—'}</>;
  return (
    <Stack component="span" spacing={0.5} sx={{ display: 'flex', alignItems: 'flex-start' }}>
      <span>{t('appointments.video')}</span>
      {visit.videoLink ? (
        <Link
          href={visit.videoLink}
          target="_blank"
          rel="noopener noreferrer"
          sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center', minHeight: 44 }}
        >
          <VideocamOutlined fontSize="small" aria-hidden />
          {t('appointments.videoJoin')}
        </Link>
      ) : visit.status === 'booked' ? (
        <Typography component="span" variant="body2" color="text.secondary">
          {t('appointments.videoLater')}
        </Typography>
      ) : null}
    </Stack>
  );
}

function Files({ visit }: { visit: CabinetAppointment }) {
  const { t, language } = useTexts();
  const client = useClient();
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 0, listStyle: 'none' }}>
      {visit.attachments.map((file) => {
        const about = [
          t(`appointments.attachmentKinds.${file.kind}`),
          t(`appointments.addedVia.${file.addedVia}`),
          formatDay(file.createdAt, language),
          ...(file.hasFile ? [] : [t('appointments.fromChart')]),
        ].join(' · ');
        return (
          <li key={file.id}>
            {file.hasFile ? (
              <Link
                href={client.appointments.fileUrl(visit.id, file.id)}
                download
                aria-label={t('appointments.download', { title: file.title })}
                sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center', overflowWrap: 'anywhere' }}
              >
                <DownloadOutlined fontSize="small" aria-hidden />
                {file.title}
              </Link>
            ) : (
              <span>{file.title}</span>
            )}
            <Typography variant="body2" color="text.secondary">
              {about}
            </Typography>
          </li>
        );
      })}
    </Stack>
  );
}

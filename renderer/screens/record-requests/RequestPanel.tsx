import Close from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { fileFormats } from '../../../shared/rights/record-requests';
import { formatDateTime } from '../../format/date-time';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { DueLabel } from './DueLabel';
import { FileAction } from './FileActions';
import { formatIsoDate } from './iso-date';
import { PaperDialog } from './PaperDialog';
import { RequestFiles } from './RequestFiles';
import { useRecordRequest } from './use-record-request';

/** One line of the request's facts: the label on the left, the value beside it (a description list). */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        {children}
      </Typography>
    </>
  );
}

/** What is asked: the sections and the period, in words. */
function Materials({ materials }: { materials: RecordRequestDetail['request']['materials'] }) {
  const { t } = useTranslation();
  if (!materials) return <>{t('recordRequests.panel.materialsUnreadable')}</>;
  const sections = materials.sections.map((section) => t(`recordRequests.material.${section}`)).join(', ');
  const { from, to } = materials;
  const period =
    from && to
      ? t('recordRequests.panel.period', { from: formatIsoDate(from), to: formatIsoDate(to) })
      : from
        ? t('recordRequests.panel.periodFrom', { from: formatIsoDate(from) })
        : to
          ? t('recordRequests.panel.periodTo', { to: formatIsoDate(to) })
          : '';
  return <>{period ? `${sections}, ${period}` : sections}</>;
}

/**
 * The request panel: the patient, the purpose, what and in which formats, the deadline, the files
 * made and the paper copy, and the actions in the order of the work — take, make each file (with
 * progress and Cancel), paper handed over, finish.
 */
export function RequestPanel({ id, titleId, onClose }: { id: string; titleId: string; onClose(): void }) {
  const { t } = useTranslation();
  const policy = useRecordRequest(id);
  const [paperOpen, setPaperOpen] = useState(false);
  const detail = policy.detail;

  if (!detail)
    return (
      <Box sx={{ p: 3 }}>
        {policy.state.status === 'failed' ? (
          <ApiErrorAlert title={t('recordRequests.panel.loadFailed')} problems={[policy.state.error]} />
        ) : (
          <Loading />
        )}
      </Box>
    );

  const { request, files, missing } = detail;
  const inWork = request.status === 'in_work';
  const made = new Set(files.map((file) => file.format));
  const owed = fileFormats.filter((format) => request.formats.includes(format) && !made.has(format));
  const paperAsked = request.formats.includes('paper');
  const missingWords = missing.map((format) => t(`recordRequests.format.${format}`)).join(', ');

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h2" id={titleId} sx={{ flex: 1 }}>
          {t('recordRequests.panel.label', { number: request.number })}
        </Typography>
        <Chip size="small" variant="outlined" label={t(`recordRequests.status.${request.status}`)} />
        <IconButton onClick={onClose} aria-label={t('recordRequests.panel.close')}>
          <Close />
        </IconButton>
      </Box>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(120px, 150px) 1fr', columnGap: 2, rowGap: 1 }}
      >
        <Field label={t('recordRequests.panel.patient')}>
          {fullName(request.patient)},{' '}
          {t('recordRequests.panel.birthDate', { date: formatIsoDate(request.patient.birthDate) })}
        </Field>
        <Field label={t('recordRequests.panel.purpose')}>{request.purpose}</Field>
        <Field label={t('recordRequests.panel.materials')}>
          <Materials materials={request.materials} />
        </Field>
        <Field label={t('recordRequests.panel.formats')}>
          {request.formats.map((format) => t(`recordRequests.format.${format}`)).join(', ')}
        </Field>
        <Field label={t('recordRequests.panel.deadline')}>
          <DueLabel item={request} />
        </Field>
        <Field label={t('recordRequests.panel.submitted')}>{formatDateTime(request.submittedAt)}</Field>
        {request.takenBy && (
          <Field label={t('recordRequests.panel.takenBy')}>
            {request.takenBy.name}
            {request.takenAt && `, ${formatDateTime(request.takenAt)}`}
          </Field>
        )}
        {paperAsked && (
          <Field label={t('recordRequests.panel.paper')}>
            {request.paperHandedAt && request.paperReceivedBy
              ? t('recordRequests.panel.paperHanded', {
                  at: formatDateTime(request.paperHandedAt),
                  whom:
                    request.paperReceivedBy.kind === 'patient'
                      ? t('recordRequests.paperDialog.patientWhom')
                      : t('recordRequests.paperDialog.representativeWhom', { name: request.paperReceivedBy.name }),
                })
              : t('recordRequests.panel.paperNotHanded')}
          </Field>
        )}
      </Box>
      <Divider />
      <RequestFiles files={files} />
      {request.status === 'done' ? (
        <Typography>
          {t('recordRequests.panel.fulfilled', {
            at: request.fulfilledAt ? formatDateTime(request.fulfilledAt) : '—',
            by: request.fulfilledBy?.name ?? '—',
          })}
          {request.availableUntil && (
            <>
              <br />
              {t('recordRequests.panel.availableUntil', { date: formatDateTime(request.availableUntil) })}
            </>
          )}
        </Typography>
      ) : (
        <Typography role="status" color={missing.length > 0 ? 'text.primary' : 'success.main'}>
          {missing.length > 0
            ? t('recordRequests.panel.missing', { what: missingWords })
            : t('recordRequests.panel.allReady')}
        </Typography>
      )}
      {policy.error && <ApiErrorAlert title={t('recordRequests.actions.refused')} problems={[policy.error]} />}
      {request.status !== 'done' && (
        <Stack
          component="section"
          aria-label={t('recordRequests.actions.label')}
          spacing={1.5}
          sx={{ alignItems: 'flex-start' }}
        >
          {request.status === 'open' && (
            <Button variant="contained" onClick={policy.take} disabled={policy.busy} autoFocus>
              {t('recordRequests.actions.take')}
            </Button>
          )}
          {inWork &&
            owed.map((format) => (
              <FileAction
                key={format}
                format={format}
                job={policy.files.jobs[format]}
                disabled={policy.busy}
                onStart={() => void policy.files.start(format)}
                onCancel={() => void policy.files.cancel(format)}
              />
            ))}
          {inWork && paperAsked && !request.paperHandedAt && (
            <Button variant="outlined" onClick={() => setPaperOpen(true)} disabled={policy.busy}>
              {t('recordRequests.actions.handPaper')}
            </Button>
          )}
          {inWork && (
            <Button variant="contained" onClick={policy.finish} disabled={policy.busy || missing.length > 0}>
              {t('recordRequests.actions.finish')}
            </Button>
          )}
        </Stack>
      )}
      {paperOpen && (
        <PaperDialog
          requestId={id}
          onClose={() => setPaperOpen(false)}
          onDone={(next) => {
            setPaperOpen(false);
            policy.applied(next);
          }}
        />
      )}
    </Box>
  );
}

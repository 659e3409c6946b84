import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../../shared/api/chart-access-calls';
import { emergencyVerdicts, type EmergencyVerdict } from '../../../shared/rights/restrictions';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { FieldMessage } from '../../forms/FieldMessage';
import { formatDateTime } from '../../format/date-time';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { SmallPrint } from '../../ui/SmallPrint';

type Shown = 'pending' | 'reviewed' | 'all';

/** The auditor's verdict on one grant: justified or not, a note (required when not). */
function ReviewDialog({ item, onDone, onClose }: { item: ReviewItem; onDone(): void; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [verdict, setVerdict] = useState<EmergencyVerdict>('justified');
  const [note, setNote] = useState('');
  const mutation = useApiMutation(
    (api, input: { verdict: EmergencyVerdict; note: string }) =>
      api.chartAccess.review({
        id: item.id,
        verdict: input.verdict,
        note: input.note.trim() === '' ? null : input.note,
      }),
    { fields: ['note', 'verdict'], onSuccess: onDone },
  );
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void mutation.run({ verdict, note });
  };
  const noteProblem = mutation.problems.byField.note;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>
          {item.staff.name} — {item.patientName ?? t('chartAccess.reviews.unknownPatient')}
        </DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            {t(`chartAccess.emergencyReasons.${item.reasonCode}`)}: {item.reasonText}
          </Typography>
          {mutation.problems.general.length > 0 && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('chartAccess.reviews.failed')} problems={mutation.problems.general} />
            </Box>
          )}
          <RadioGroup
            row
            aria-label={t('chartAccess.reviews.columns.verdict')}
            value={verdict}
            onChange={(event) => setVerdict(event.target.value as EmergencyVerdict)}
          >
            {emergencyVerdicts.map((option) => (
              <FormControlLabel
                key={option}
                value={option}
                control={<Radio />}
                label={t(`chartAccess.reviews.verdicts.${option}`)}
              />
            ))}
          </RadioGroup>
          <TextField
            fullWidth
            multiline
            minRows={3}
            required={verdict === 'unjustified'}
            label={t('chartAccess.reviews.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={Boolean(noteProblem)}
            helperText={noteProblem ? <FieldMessage problem={noteProblem} /> : t('chartAccess.reviews.noteHint')}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('chartAccess.reviews.save')} />
      </Box>
    </Dialog>
  );
}

/**
 * The auditor's queue of break-the-glass grants (F4), newest first: who, which patient, why,
 * when and until when, how many reads were made under each, and the verdict — given once.
 */
export function EmergencyReviews() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>('pending');
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<ReviewItem | null>(null);
  const queue = useApiQuery(`emergency-reviews:${shown}:${round}`, (api) =>
    api.chartAccess.reviews({ status: shown, limit: 200 }),
  );

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={shown}
          onChange={(_, next: Shown | null) => next && setShown(next)}
          aria-label={t('chartAccess.reviews.filter.label')}
        >
          {(['pending', 'reviewed', 'all'] as const).map((option) => (
            <ToggleButton key={option} value={option}>
              {t(`chartAccess.reviews.filter.${option}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {queue.status === 'ok' && (
          <Typography role="status" color="text.secondary">
            {t('chartAccess.reviews.pending', { count: queue.data.pending })}
          </Typography>
        )}
      </Box>
      {queue.status === 'failed' && (
        <ApiErrorAlert title={t('chartAccess.reviews.loadFailed')} problems={[queue.error]} />
      )}
      {queue.status === 'loading' && <Loading space={0} />}
      {queue.status === 'ok' && queue.data.items.length === 0 && (
        <EmptyState title={t('chartAccess.reviews.empty')} hint={t('chartAccess.reviews.emptyHint')} />
      )}
      {queue.status === 'ok' && queue.data.items.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('chartAccess.reviews.tab')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('chartAccess.reviews.columns.when')}</TableCell>
                <TableCell>{t('chartAccess.reviews.columns.who')}</TableCell>
                <TableCell>{t('chartAccess.reviews.columns.patient')}</TableCell>
                <TableCell>{t('chartAccess.reviews.columns.reason')}</TableCell>
                <TableCell align="right">{t('chartAccess.reviews.columns.reads')}</TableCell>
                <TableCell>{t('chartAccess.reviews.columns.verdict')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {queue.data.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    {formatDateTime(item.startedAt)}
                    <SmallPrint>{t('chartAccess.reviews.until', { until: formatDateTime(item.expiresAt) })}</SmallPrint>
                  </TableCell>
                  <TableCell>{item.staff.name}</TableCell>
                  <TableCell>
                    {item.patientName ?? t('chartAccess.reviews.unknownPatient')}
                    {item.entryId !== null && <SmallPrint>{t('chartAccess.reviews.entryOnly')}</SmallPrint>}
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {t(`chartAccess.emergencyReasons.${item.reasonCode}`)}
                    </Typography>
                    <Typography variant="body2">{item.reasonText}</Typography>
                  </TableCell>
                  <TableCell align="right">{item.reads}</TableCell>
                  <TableCell>
                    {item.verdict === null ? (
                      <Button size="small" variant="outlined" onClick={() => setOpen(item)}>
                        {t('chartAccess.reviews.decide')}
                      </Button>
                    ) : (
                      <>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {t(`chartAccess.reviews.verdicts.${item.verdict}`)}
                        </Typography>
                        {item.reviewNote && <Typography variant="body2">{item.reviewNote}</Typography>}
                        {item.reviewedBy && item.reviewedAt && (
                          <SmallPrint>
                            {t('chartAccess.reviews.reviewedBy', {
                              name: item.reviewedBy.name,
                              at: formatDateTime(item.reviewedAt),
                            })}
                          </SmallPrint>
                        )}
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open && (
        <ReviewDialog
          item={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setRound((count) => count + 1);
          }}
        />
      )}
    </Box>
  );
}

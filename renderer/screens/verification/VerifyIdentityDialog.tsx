import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DocumentScannerOutlined from '@mui/icons-material/DocumentScannerOutlined';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../shared/scans/scan-inputs';
import type { ContractApi } from '../../../shared/api/facade';
import type { OnlineIdentityView } from '../../../shared/api/verification-calls';
import type { PatientSummary } from '../../../shared/domain/patient';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { useSession } from '../../app/session';
import { FieldMessage } from '../../forms/FieldMessage';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';
import { ScanDialog } from '../patients/scans/ScanDialog';
import { SeenDocumentsField } from './SeenDocumentsField';
import { cardDocumentsForCheck, type SeenDocumentChoice } from './seen-documents';
import { verificationEvents, verifiedEvent } from './verification-events';

const fields = ['documentsSeen', 'originalsChecked', 'note'] as const;

/**
 * The in-person check of a patient locked out of online confirmation (B6): the clerk ticks the
 * originals seen (from the card, or typed in), confirms they were originals, may scan them, and
 * finishes with Ctrl+Enter. Who checked is the signed-in clerk.
 */
export function VerifyIdentityDialog({
  patient,
  identityId,
  onClose,
  onVerified,
}: {
  patient: PatientSummary;
  identityId: string;
  onClose(): void;
  onVerified(view: OnlineIdentityView): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const [chosen, setChosen] = useState<SeenDocumentChoice[]>([]);
  const [originals, setOriginals] = useState(false);
  const [note, setNote] = useState('');
  const [scans, setScans] = useState<ScanSummary[]>([]);
  const [scanning, setScanning] = useState(false);
  const documents = useApiQuery(`verification-documents:${patient.id}`, (client) =>
    client.documents.list({ patientId: patient.id }),
  );
  const cardDocuments = documents.status === 'ok' ? cardDocumentsForCheck(documents.data.items) : [];
  const checker = session.status === 'ok' ? (session.data.actor?.displayName ?? '') : '';
  const mutation = useApiMutation(
    (api, input: Parameters<ContractApi['verification']['complete']>[0]) => api.verification.complete(input),
    {
      fields,
      onSuccess: (view) => {
        verificationEvents.dispatchEvent(new Event(verifiedEvent));
        onVerified(view);
      },
    },
  );
  const problems = mutation.problems;

  function submit() {
    void mutation.run({
      patientId: patient.id,
      documentsSeen: chosen,
      originalsChecked: originals,
      scanIds: scans.map((scan) => scan.id),
      note,
    });
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  return (
    <>
      <Dialog open={!scanning} onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
        <form noValidate onSubmit={onSubmit} onKeyDown={(event) => handleFormKeys(event, submit)}>
          <DialogTitle id={titleId}>{t('verification.dialog.title', { name: fullName(patient) })}</DialogTitle>
          <DialogContent>
            {problems.general.length > 0 && (
              <Box sx={{ mb: 2 }}>
                <ApiErrorAlert title={t('verification.dialog.failed')} problems={problems.general} />
              </Box>
            )}
            <DialogContentText sx={{ mb: 2 }}>{t('verification.dialog.intro')}</DialogContentText>
            <SeenDocumentsField
              cardDocuments={cardDocuments}
              loading={documents.status === 'loading'}
              chosen={chosen}
              onChange={(next) => {
                setChosen(next);
                mutation.reset();
              }}
              problem={problems.byField.documentsSeen}
            />
            <Box sx={{ mt: 2, display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
              <Button variant="outlined" startIcon={<DocumentScannerOutlined />} onClick={() => setScanning(true)}>
                {t('verification.dialog.scan')}
              </Button>
              <Typography color="text.secondary">
                {t('verification.dialog.scansCount', { count: scans.length })}
              </Typography>
              {scans.map((scan, index) => (
                <Chip
                  key={scan.id}
                  label={t('verification.dialog.scanLabel', { index: index + 1 })}
                  onDelete={() => setScans(scans.filter((other) => other.id !== scan.id))}
                />
              ))}
            </Box>
            <TextField
              label={t('verification.dialog.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              fullWidth
              margin="normal"
              error={problems.byField.note !== undefined}
              helperText={problems.byField.note ? <FieldMessage problem={problems.byField.note} /> : undefined}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            <FormControl error={problems.byField.originalsChecked !== undefined}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={originals}
                    onChange={(event) => {
                      setOriginals(event.target.checked);
                      mutation.reset();
                    }}
                  />
                }
                label={t('verification.dialog.originals')}
              />
              {problems.byField.originalsChecked && (
                <FormHelperText>
                  <FieldMessage problem={problems.byField.originalsChecked} />
                </FormHelperText>
              )}
            </FormControl>
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {t('verification.dialog.checkedBy', { name: checker })} · {t('verification.dialog.shortcut')}
            </Typography>
          </DialogContent>
          <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('verification.dialog.submit')} />
        </form>
      </Dialog>
      {scanning && (
        <ScanDialog
          open
          patientId={patient.id}
          purpose="verification"
          attachedTo={identityId}
          onClose={() => setScanning(false)}
          onAccepted={(scan) => {
            setScans((current) => [...current, scan]);
            setScanning(false);
          }}
        />
      )}
    </>
  );
}

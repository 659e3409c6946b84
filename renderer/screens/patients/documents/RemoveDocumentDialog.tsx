import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { useApi } from '../../../api/api-context';
import type { FieldProblem } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { DocumentTextField } from './DocumentTextField';
import { sortProblems } from './document-problems';

/** Takes a document recorded by mistake off the card, with the reason (kept in the audit log). */
export function RemoveDocumentDialog({ document, onClose, onSaved }: { document: IdentityDocumentView; onClose: () => void; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const type = t(`documents.types.${document.type}`);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>();
  const [general, setGeneral] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function remove(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    const envelope = await api.documents.remove({ documentId: document.id, reason });
    setBusy(false);
    if (envelope.ok) return onSaved(t('documents.remove.done', { type }));
    const sorted = sortProblems(envelope.error, (field) => (field === 'reason' ? 'reason' : undefined));
    setProblem(sorted.byField.reason);
    setGeneral(sorted.general);
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event) => void remove(event)} onKeyDown={(event) => handleFormKeys(event, () => void remove())}>
        <DialogTitle id={titleId}>{t('documents.remove.title', { type })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('documents.remove.intro')}</DialogContentText>
          <DocumentTextField
            label={t('documents.remove.reason')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setProblem(undefined);
            }}
            problem={problem}
            required
            autoFocus
            maxLength={500}
          />
          {general.length > 0 && <ApiErrorAlert title={t('documents.remove.failed')} problems={general} />}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel={t('documents.remove.submit')} />
      </Box>
    </Dialog>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/domain/patient';
import { usePermissions } from '../../../app/session';
import { Notice } from '../../../ui/Notice';
import { ContactHistory } from './ContactHistory';
import { ContactsDialog } from './ContactsDialog';

/**
 * The card's contact data (B1): «Изменить контакты» for whoever may change the card (not on a
 * merged card), what the change did, and the history of every change.
 */
export function ContactsPanel({ patient, onChanged }: { patient: Patient; onChanged(patient: Patient): void }) {
  const { t } = useTranslation();
  const mayWrite = usePermissions()('patients.write');
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  return (
    <>
      <Divider sx={{ my: 3 }} />
      <Notice onClose={() => setNotice(null)}>{notice}</Notice>
      {mayWrite && !patient.mergedInto && (
        <Box sx={{ mb: 2 }}>
          <Button variant="outlined" onClick={() => setEditing(true)}>
            {t('contacts.edit')}
          </Button>
        </Box>
      )}
      <ContactHistory patientId={patient.id} revision={revision} />
      {editing && (
        <ContactsDialog
          patient={patient}
          onClose={() => setEditing(false)}
          onSaved={(saved, changed) => {
            setEditing(false);
            setNotice(changed.length > 0 ? t('contacts.saved') : t('contacts.unchanged'));
            setRevision((prior) => prior + 1);
            onChanged(saved);
          }}
        />
      )}
    </>
  );
}

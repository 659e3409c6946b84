import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { KeysManager } from '../../auth/KeysManager';

/** A person's keys, managed by the admin with the person and their key at the desk. */
export function StaffKeysDialog({ person, onClose }: { person: StaffSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('staff.keysTitle', { name: person.displayName })}</DialogTitle>
      <DialogContent>
        <KeysManager staffId={person.id} tableLabel={t('staff.keysTitle', { name: person.displayName })} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

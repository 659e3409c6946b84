import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { RecoveryCodesPanel } from '../../auth/RecoveryCodesPanel';

/** The new person's recovery codes, shown once, to print and hand over. */
export function StaffCodesDialog({
  person,
  codes,
  onClose,
}: {
  person: StaffSummary;
  codes: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    // No onClose: only the panel's button closes it, for the codes are not shown again.
    <Dialog open aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('staff.codesTitle', { name: person.displayName })}</DialogTitle>
      <DialogContent>
        <RecoveryCodesPanel codes={codes} intro={t('staff.codesIntro')} onDone={onClose} />
      </DialogContent>
    </Dialog>
  );
}

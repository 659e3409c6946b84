import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/session';
import { ExportDialog } from './ExportDialog';

/** The chart toolbar's «Выписка»: opens the export dialog, for those who may release records. */
export function ExportButton({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const mayRelease = usePermissions()('records.release');
  const [open, setOpen] = useState(false);
  if (!mayRelease) return null;
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        {t('exports.button')}
      </Button>
      {open && <ExportDialog patientId={patientId} open onClose={() => setOpen(false)} />}
    </>
  );
}

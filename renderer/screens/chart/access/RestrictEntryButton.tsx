import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestrictDialog } from './RestrictDialog';
import { useChartAccess } from './use-chart-access';

/**
 * On an opened entry, for the treating team: the «ограничено» mark with its ground when the entry
 * is restricted, or the way to restrict it (F4). Nothing for anyone else.
 */
export function RestrictEntryButton({ patientId, entryId }: { patientId: string; entryId: string }) {
  const { t } = useTranslation();
  const { status } = useChartAccess(patientId);
  const [open, setOpen] = useState(false);
  if (!status?.inTeam) return null;
  const restriction = status.restrictions.find((one) => one.entryId === entryId || one.entryId === null);
  if (restriction)
    return (
      <Chip
        color="warning"
        label={`${t('chartAccess.mark.restricted')}: ${t(`chartAccess.reasons.${restriction.reason}`)}`}
      />
    );
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        {t('chartAccess.restrict.open')}
      </Button>
      {open && (
        <RestrictDialog
          patientId={patientId}
          entryId={entryId}
          onClose={() => setOpen(false)}
          onDone={() => setOpen(false)}
        />
      )}
    </>
  );
}

import AddPhotoAlternateIcon from '@mui/icons-material/AddPhotoAlternate';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/domain/patient';
import { usePermissions } from '../../../app/session';
import { ScanDialog } from './ScanDialog';
import { ScanGallery } from './ScanGallery';

/** Every scan of the card, whatever it belongs to, and a scan of any document from here. */
export function ScansTab({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [open, setOpen] = useState(false);
  const [accepted, setAccepted] = useState(0);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="h2" sx={{ fontSize: '1.25rem' }}>
          {t('scans.tab.title')}
        </Typography>
        {can('patients.write') && (
          <Button variant="contained" startIcon={<AddPhotoAlternateIcon />} onClick={() => setOpen(true)}>
            {t('scans.tab.add')}
          </Button>
        )}
      </Box>
      <ScanGallery patientId={patient.id} refreshKey={accepted} />
      {open && (
        <ScanDialog
          open
          patientId={patient.id}
          purpose="identity_document"
          onClose={() => setOpen(false)}
          onAccepted={() => setAccepted((n) => n + 1)}
        />
      )}
    </Box>
  );
}

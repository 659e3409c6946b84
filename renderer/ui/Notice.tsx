import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a finished action says above its section (closable); nothing when there is nothing to say. */
export function Notice({ children, onClose }: { children: ReactNode; onClose: () => void }) {
  const { t } = useTranslation();
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <Alert severity="success" onClose={onClose} closeText={t('common.close')} sx={{ mb: 2 }}>
      {children}
    </Alert>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/use-api-mutation';
import { formatDateTime } from '../../format/date-time';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

/**
 * Asks the server for the activation code of an application approved to print and shows it once,
 * on a sheet to print for the patient (C5). Closing the sheet forgets the code: it is never kept.
 */
export function PrintedCodeButton({ applicationId, number }: { applicationId: string; number: string }) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<{ code: string; expiresAt: string } | null>(null);
  const get = useApiMutation((api, input: { id: string }) => api.applications.printedCode(input), {
    onSuccess: setSheet,
  });
  return (
    <>
      {get.error && <ApiErrorAlert title={t('applications.printed.failed')} problems={[get.error]} />}
      <Box sx={{ mt: 1 }}>
        <Button variant="contained" disabled={get.busy} onClick={() => void get.run({ id: applicationId })}>
          {t('applications.printed.get')}
        </Button>
      </Box>
      <Dialog open={sheet !== null} onClose={() => setSheet(null)} maxWidth="sm" fullWidth>
        <DialogTitle>
          {t('applications.printed.title')} · {number}
        </DialogTitle>
        <DialogContent>
          <Typography color="text.secondary" sx={{ mb: 2 }} className="no-print">
            {t('applications.printed.intro')}
          </Typography>
          {sheet && (
            <Box component="section" aria-label={t('applications.printed.title')}>
              <Typography variant="h4" component="p" sx={{ fontFamily: 'monospace', letterSpacing: 4, my: 2 }}>
                {t('applications.printed.code', { code: sheet.code })}
              </Typography>
              <Typography>{t('applications.printed.expires', { at: formatDateTime(sheet.expiresAt) })}</Typography>
              <Typography sx={{ mt: 1 }}>{t('applications.printed.howTo')}</Typography>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSheet(null)}>{t('applications.printed.close')}</Button>
          <Button variant="contained" onClick={() => window.print()}>
            {t('applications.printed.print')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

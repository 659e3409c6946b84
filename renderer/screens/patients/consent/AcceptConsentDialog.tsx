import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentMethod } from '../../../../shared/api/consent-calls';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { ContractApi } from '../../../../shared/api/facade';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { problemFromCode } from '../../../forms/field-problem';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { ScanDialog } from '../scans/ScanDialog';
import { ConsentTextView } from './ConsentTextView';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { Loading } from '../../../ui/Loading';

/**
 * Accepting the consent (B8): the text in force, then the patient's signature on screen or a
 * scan of the signed paper form (the keyboard's way, through the scan dialog).
 */
export function AcceptConsentDialog({
  patientId,
  onClose,
  onAccepted,
}: {
  patientId: string;
  onClose(): void;
  onAccepted(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const pad = useRef<SignaturePadHandle>(null);
  const [method, setMethod] = useState<ConsentMethod>('signature');
  const [scanning, setScanning] = useState(false);
  const text = useApiQuery('consent-text:current', (client) => client.consents.text({}));
  const mutation = useApiMutation(
    (api, input: Parameters<ContractApi['consents']['accept']>[0]) => api.consents.accept(input),
    {
      // The refusal as a whole, above the buttons: the dialog has no field to put it under.
      sort: (error) => ({ byField: {}, general: [error] }),
      onSuccess: () => onAccepted(),
    },
  );
  const busy = mutation.busy;
  const problems = mutation.problems.general;

  function acceptSignature() {
    if (text.status !== 'ok' || busy) return;
    const png = pad.current?.toPng() ?? null;
    if (!png) {
      mutation.showProblems({ general: [problemFromCode('consent.signature.empty')] });
      return;
    }
    void mutation.run({ patientId, textVersion: text.data.version, method: 'signature', signaturePng: png });
  }

  return (
    <>
      <Dialog open={!scanning} onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
        <DialogTitle id={titleId}>{t('consent.acceptDialog.title')}</DialogTitle>
        <DialogContent>
          {text.status === 'failed' && <ApiErrorAlert title={t('consent.text.loadFailed')} problems={[text.error]} />}
          {text.status === 'loading' && <Loading />}
          {text.status === 'ok' && (
            <>
              <ConsentTextView
                body={text.data.body}
                label={t('consent.text.label', {
                  version: text.data.version,
                  date: formatRussianDate(text.data.effectiveFrom),
                })}
              />
              <FormControl sx={{ mt: 2 }}>
                <FormLabel id={`${titleId}-method`}>{t('consent.acceptDialog.method')}</FormLabel>
                <RadioGroup
                  row
                  aria-labelledby={`${titleId}-method`}
                  value={method}
                  onChange={(event) => setMethod(event.target.value as ConsentMethod)}
                >
                  <FormControlLabel value="signature" control={<Radio />} label={t('consent.acceptDialog.signature')} />
                  <FormControlLabel value="scan" control={<Radio />} label={t('consent.acceptDialog.scan')} />
                </RadioGroup>
              </FormControl>
              {method === 'signature' ? (
                <Box sx={{ mt: 1 }}>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {t('consent.acceptDialog.signHint')}
                  </Typography>
                  <SignaturePad
                    ref={pad}
                    onChange={(empty) => {
                      if (!empty) mutation.reset();
                    }}
                  />
                </Box>
              ) : (
                <Alert severity="info" sx={{ mt: 1 }}>
                  {t('consent.acceptDialog.scanHint')}
                </Alert>
              )}
              {problems.length > 0 && (
                <Box sx={{ mt: 2 }}>
                  <ApiErrorAlert title={t('consent.acceptDialog.failed')} problems={problems} />
                </Box>
              )}
            </>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {method === 'signature' ? (
            <Button variant="contained" onClick={acceptSignature} disabled={busy || text.status !== 'ok'}>
              {busy ? t('consent.acceptDialog.saving') : t('consent.acceptDialog.submit')}
            </Button>
          ) : (
            <Button variant="contained" onClick={() => setScanning(true)} disabled={busy || text.status !== 'ok'}>
              {t('consent.acceptDialog.scanButton')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
      {scanning && (
        <ScanDialog
          open
          patientId={patientId}
          purpose="consent"
          onClose={() => setScanning(false)}
          onAccepted={(scan) => {
            setScanning(false);
            if (text.status === 'ok')
              void mutation.run({ patientId, textVersion: text.data.version, method: 'scan', scanId: scan.id });
          }}
        />
      )}
    </>
  );
}

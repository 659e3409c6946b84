import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import { submitApplicationSchema, type ApplicationView, type CodeSent } from '../../shared/cabinet/cabinet-api';
import { asCabinetError } from '../api/cabinet-error';
import { useClient } from '../api/session';
import { codeResolver, problem, readProblem } from '../forms/code-resolver';
import type { GeneralProblem } from '../forms/refusal';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { applicationEn } from '../i18n/application.en';
import { applicationRu } from '../i18n/application.ru';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { consentBlocks, consentVersion } from '../ui/consent-text';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { ScanUploads, type AttachedScan } from '../ui/ScanUploads';
import { ProblemText } from '../ui/ProblemText';

interface ApplyForm {
  consent: boolean;
  urgent: boolean;
  signatureCode: string;
}

const applySchema = z.object({
  consent: z.boolean(),
  urgent: z.boolean(),
  // The contract's own rule for the code, so the page refuses it with the server's code.
  signatureCode: submitApplicationSchema.shape.signatureCode,
});

const needConsent = problem('form.consent', {
  ru: applicationRu.apply.needConsent,
  en: applicationEn.apply.needConsent,
});

/** The application (C1): the consent read and ticked, urgency, scans, the signature code; its number on success. */
export function ApplyScreen() {
  const { t } = useTexts();
  const client = useClient();
  const [scans, setScans] = useState<AttachedScan[]>([]);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [sendProblems, setSendProblems] = useState<GeneralProblem[]>([]);
  const [submitted, setSubmitted] = useState<ApplicationView | null>(null);
  const form = useForm<ApplyForm>({
    resolver: codeResolver<ApplyForm>(applySchema, (values) => (values.consent ? {} : { consent: needConsent })),
    defaultValues: { consent: false, urgent: false, signatureCode: '' },
  });
  const { run, busy, problems } = useSubmit(form, ['consent', 'urgent', 'signatureCode'], (field) =>
    field === 'consentAccepted' || field === 'consentTextVersion' ? 'consent' : field,
  );
  const consentProblem = readProblem(form.formState.errors.consent);
  const send = async () => {
    setSendProblems([]);
    try {
      setSent(await client.signatureSend());
    } catch (error) {
      const { code, message } = asCabinetError(error).body;
      setSendProblems([{ code, message }]);
    }
  };
  const submit = form.handleSubmit((values) =>
    run(async () => {
      setSubmitted(
        await client.submitApplication({
          consentAccepted: true,
          consentTextVersion: consentVersion,
          urgent: values.urgent,
          signatureCode: values.signatureCode.trim(),
          scanIds: scans.map((scan) => scan.scanId),
        }),
      );
    }),
  );
  if (submitted) {
    return (
      <Page title={t('apply.title')}>
        <Alert severity="success" role="status">
          {t('apply.submitted', { number: submitted.number })}
        </Alert>
        <Button component={RouterLink} to="/application" variant="contained">
          {t('apply.toStatus')}
        </Button>
      </Page>
    );
  }
  return (
    <Page title={t('apply.title')} wide>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        <Typography variant="h2" id="consent-title">
          {t('apply.consentTitle')}
        </Typography>
        <Box
          tabIndex={0}
          role="region"
          aria-labelledby="consent-title"
          lang="ru"
          sx={{
            maxHeight: 280,
            overflowY: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            p: 2,
            overflowWrap: 'anywhere',
          }}
        >
          {consentBlocks.map((block, index) => (
            <Typography
              key={index}
              variant={block.kind === 'heading' ? 'subtitle2' : 'body2'}
              component={block.kind === 'heading' ? 'p' : 'p'}
              sx={{ mb: 1, pl: block.kind === 'item' ? 2 : 0, fontWeight: block.kind === 'heading' ? 700 : undefined }}
            >
              {block.kind === 'item' ? `• ${block.text}` : block.text}
            </Typography>
          ))}
        </Box>
        <div>
          <FormControlLabel control={<Checkbox {...form.register('consent')} />} label={t('apply.consentTick')} />
          {consentProblem ? (
            <FormHelperText error>
              <ProblemText problem={consentProblem} />
            </FormHelperText>
          ) : null}
        </div>
        <FormControlLabel control={<Checkbox {...form.register('urgent')} />} label={t('apply.urgent')} />
        <ScanUploads label={t('apply.scans')} scans={scans} onChange={setScans} />
        <Typography variant="h2">{t('apply.signatureTitle')}</Typography>
        <Typography>{t('apply.signatureIntro')}</Typography>
        <RefusalAlert problems={sendProblems} />
        <Button variant="outlined" onClick={() => void send()}>
          {t('apply.sendCode')}
        </Button>
        {sent ? (
          <Alert severity="info" role="status">
            {t('confirmPhone.sent', { sentTo: sent.sentTo })}
          </Alert>
        ) : null}
        <TextInput
          form={form}
          name="signatureCode"
          label={t('apply.code')}
          autoComplete="one-time-code"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
        />
        <RefusalAlert problems={problems} />
        {busy ? <Busy label={t('apply.submitting')} /> : null}
        <Button type="submit" variant="contained" disabled={busy}>
          {t('apply.submit')}
        </Button>
      </Stack>
    </Page>
  );
}

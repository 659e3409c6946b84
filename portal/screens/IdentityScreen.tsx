import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import type { CodeSent, IdentityState } from '../../shared/cabinet/cabinet-api';
import { fail } from '../../shared/domain/field-rules';
import { asCabinetError } from '../api/cabinet-error';
import type { DocumentType } from '../api/cabinet-client';
import { useClient } from '../api/session';
import { codeResolver } from '../forms/code-resolver';
import { CodeForm } from '../forms/CodeForm';
import { refusalProblems, type GeneralProblem } from '../forms/refusal';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { cabinetEn } from '../i18n/cabinet.en';
import { cabinetRu } from '../i18n/cabinet.ru';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { ScanUploads, type AttachedScan } from '../ui/ScanUploads';

/** The documents that confirm identity (cabinet.identity.document_type names them). */
const identityDocuments = [
  'passport',
  'driving_licence',
  'other_photo_id',
  'snils',
] as const satisfies readonly DocumentType[];

interface DocumentForm {
  documentType: DocumentType;
  series: string;
  number: string;
}

const documentSchema = z.object({
  documentType: z.enum(identityDocuments),
  series: z.string().max(20),
  number: z.string().superRefine((value, ctx) => {
    if (value.trim() === '') fail(ctx, 'cabinet.identity.document_number');
  }),
});

function isConfirmed(state: IdentityState): boolean {
  return state.confirmed || state.status === 'confirmed_online' || state.status === 'verified_in_person';
}

/**
 * §3.2 online: a code to a contact on the clinic's card, or a document's scan; three failures
 * send the patient to the desk.
 */
export function IdentityScreen() {
  const { t } = useTexts();
  const client = useClient();
  const [state, setState] = useState<IdentityState | null>(null);
  const [loadProblems, setLoadProblems] = useState<GeneralProblem[]>([]);
  const load = useCallback(async () => {
    try {
      setState(await client.identity());
    } catch (error) {
      const { code, message } = asCabinetError(error).body;
      setLoadProblems([{ code, message }]);
    }
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!state) {
    return (
      <Page title={t('identity.title')}>
        {loadProblems.length ? <RefusalAlert problems={loadProblems} /> : <Busy label={t('app.loading')} />}
      </Page>
    );
  }
  if (isConfirmed(state)) {
    return (
      <Page title={t('identity.title')}>
        <Alert severity="success">{t('identity.confirmed')}</Alert>
        <Button component={RouterLink} to="/apply" variant="contained">
          {t('identity.next')}
        </Button>
      </Page>
    );
  }
  if (state.status === 'locked' || state.attemptsLeft <= 0) {
    return (
      <Page title={t('identity.title')}>
        <Alert severity="warning" role="alert">
          <AlertTitle>{t('identity.lockedTitle')}</AlertTitle>
          {t('identity.locked')}
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={t('identity.title')}>
      <Typography>{t('identity.intro')}</Typography>
      <Alert severity="info">{t('identity.attemptsLeft', { count: state.attemptsLeft })}</Alert>
      <ByCode state={state} onState={setState} onFailure={load} />
      <Divider />
      <ByDocument onState={setState} onFailure={load} />
    </Page>
  );
}

function ByCode({
  state,
  onState,
  onFailure,
}: {
  state: IdentityState;
  onState: (state: IdentityState) => void;
  onFailure: () => Promise<void>;
}) {
  const { t } = useTexts();
  const client = useClient();
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const send = async (channel: 'sms' | 'email') => {
    setProblems([]);
    try {
      setSent(await client.identityCodeSend(channel));
    } catch (error) {
      setProblems(refusalProblems(error));
    }
  };
  return (
    <Stack spacing={2} component="section" aria-labelledby="by-code">
      <Typography id="by-code" variant="h2">
        {t('identity.byCode')}
      </Typography>
      {state.codeChannels.length === 0 ? <Typography>{t('identity.noChannels')}</Typography> : null}
      {state.codeChannels.map((channel) => (
        <Button key={channel} variant="outlined" onClick={() => void send(channel)}>
          {t(`identity.channel.${channel}`)}
        </Button>
      ))}
      <RefusalAlert problems={problems} />
      {sent ? (
        <>
          <Alert severity="info" role="status">
            {t('identity.sent', { sentTo: sent.sentTo })}
          </Alert>
          <CodeForm
            label={t('identity.code')}
            submitLabel={t('identity.confirm')}
            formatCode="cabinet.identity.code_format"
            onCode={async (code) => {
              try {
                onState(await client.identityCodeConfirm(code));
              } catch (error) {
                await onFailure();
                throw error;
              }
            }}
          />
        </>
      ) : null}
    </Stack>
  );
}

function ByDocument({
  onState,
  onFailure,
}: {
  onState: (state: IdentityState) => void;
  onFailure: () => Promise<void>;
}) {
  const { t } = useTexts();
  const client = useClient();
  const [scans, setScans] = useState<AttachedScan[]>([]);
  const form = useForm<DocumentForm>({
    resolver: codeResolver(documentSchema),
    defaultValues: { documentType: 'passport', series: '', number: '' },
  });
  const { run, busy, problems, setProblems } = useSubmit(form, ['documentType', 'series', 'number']);
  const submit = form.handleSubmit((values) => {
    const scan = scans.at(-1);
    if (!scan) {
      setProblems([
        {
          code: 'cabinet.identity.scan_unknown',
          message: { ru: cabinetRu.identity.needFile, en: cabinetEn.identity.needFile },
        },
      ]);
      return;
    }
    return run(async () => {
      try {
        onState(
          await client.identityDocument({
            scanId: scan.scanId,
            ...values,
            series: values.series.trim(),
            number: values.number.trim(),
          }),
        );
      } catch (error) {
        await onFailure();
        throw error;
      }
    });
  });
  return (
    <Stack spacing={2} component="section" aria-labelledby="by-document">
      <Typography id="by-document" variant="h2">
        {t('identity.byDocument')}
      </Typography>
      <ScanUploads
        headingLevel="h3"
        label={t('identity.file')}
        scans={scans}
        onChange={(next) => setScans(next.slice(-1))}
      />
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        <TextInput form={form} name="documentType" label={t('identity.documentType')} select defaultValue="passport">
          {identityDocuments.map((type) => (
            <MenuItem key={type} value={type}>
              {t(`identity.documentTypes.${type}`)}
            </MenuItem>
          ))}
        </TextInput>
        <TextInput form={form} name="series" label={t('identity.series')} />
        <TextInput form={form} name="number" label={t('identity.number')} />
        <RefusalAlert problems={problems} />
        {busy ? <Busy label={t('identity.uploading')} /> : null}
        <Button type="submit" variant="contained" disabled={busy}>
          {t('identity.sendDocument')}
        </Button>
      </Stack>
    </Stack>
  );
}

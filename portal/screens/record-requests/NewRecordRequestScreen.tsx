import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { RecordRequestCodeSent } from '../../../shared/cabinet/record-requests-api';
import { useClient } from '../../api/session';
import { useLoaded } from '../../api/use-loaded';
import { CodeForm } from '../../forms/CodeForm';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { Page } from '../../ui/Page';
import { RefusalAlert } from '../../ui/RefusalAlert';
import type { MadeRequest } from './RecordRequestsScreen';
import { draftOf, emptyRequest, RequestForm, type RequestValues } from './RequestForm';

/**
 * «Запросить документы» in two steps: the form (checked by the server, which sends a code to the
 * confirmed phone or e-mail), then the code — and the request is made; the list then says its
 * number and deadline. «Изменить запрос» goes back to the form with what was typed.
 */
export function NewRecordRequestScreen() {
  const { t } = useTexts();
  const client = useClient();
  const navigate = useNavigate();
  const load = useCallback(() => client.representation(), [client]);
  const { data: representation, problems } = useLoaded(load);
  const [values, setValues] = useState<RequestValues>(emptyRequest);
  const [sent, setSent] = useState<RecordRequestCodeSent | null>(null);
  const self = representation?.persons.find((person) => person.self)?.patientId;
  const confirm = async (code: string) => {
    const made = await client.recordRequests.confirm(draftOf(values, self), code);
    const state: { made: MadeRequest } = { made: { number: made.request.number, dueOn: made.request.dueOn } };
    await navigate('/cabinet/record-requests', { state });
  };
  return (
    <Page title={t('recordRequests.form.title')}>
      <Link component={RouterLink} to="/cabinet/record-requests" sx={{ alignSelf: 'flex-start' }}>
        {t('recordRequests.form.back')}
      </Link>
      <RefusalAlert problems={problems} />
      {representation === undefined && problems.length === 0 ? <Busy label={t('recordRequests.loading')} /> : null}
      {representation && sent === null ? (
        <RequestForm
          initial={values}
          persons={representation.persons}
          onSent={(next, answer) => {
            setValues(next);
            setSent(answer);
          }}
        />
      ) : null}
      {sent ? (
        <Stack spacing={2} component="section" aria-labelledby="request-code-title">
          <Typography id="request-code-title" variant="h2" component="h2">
            {t('recordRequests.form.codeTitle')}
          </Typography>
          <Typography>{t('recordRequests.form.codeSent', { to: sent.sentTo })}</Typography>
          <CodeForm
            label={t('recordRequests.form.code')}
            submitLabel={t('recordRequests.form.confirm')}
            onCode={confirm}
          />
          <Button variant="text" onClick={() => setSent(null)} sx={{ alignSelf: 'flex-start' }}>
            {t('recordRequests.form.edit')}
          </Button>
        </Stack>
      ) : null}
    </Page>
  );
}

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { CreateStaffDialog } from './CreateStaffDialog';
import { DeactivateDialog } from './DeactivateDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { StaffCodesDialog } from './StaffCodesDialog';
import { StaffKeysDialog } from './StaffKeysDialog';
import { StaffTable } from './StaffTable';
import { Loading } from '../../ui/Loading';

export type StaffDialog =
  | { kind: 'create' }
  | { kind: 'codes'; person: StaffSummary; codes: string[] }
  | { kind: 'keys'; person: StaffSummary }
  | { kind: 'reset'; person: StaffSummary }
  | { kind: 'deactivate'; person: StaffSummary };

/**
 * Settings → Staff (A1), for the admin: who has an account at the clinic, adding a person,
 * their keys, a new first password, switching an account off. The rail hides it from other
 * roles and this screen says so if reached anyway; the main process refuses the calls.
 */
export function StaffScreen() {
  const { t } = useTranslation();
  const can = usePermissions();
  if (!can('staff.manage')) {
    return (
      <EmptyState
        headingLevel="h1"
        title={t('staff.forbiddenTitle')}
        hint={t('staff.forbiddenHint')}
        action={
          <Button component={RouterLink} to="/" variant="contained">
            {t('staff.forbiddenBack')}
          </Button>
        }
      />
    );
  }
  return <StaffManagement />;
}

function StaffManagement() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const list = useApiQuery(`staff:${version}`, (api) => api.staff.list({}));
  const [dialog, setDialog] = useState<StaffDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => setVersion((value) => value + 1);
  const close = () => setDialog(null);
  const items = list.status === 'ok' ? list.data.items : list.status === 'loading' ? list.previous?.items : undefined;

  return (
    <>
      <ScreenHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        action={
          <Button variant="contained" onClick={() => setDialog({ kind: 'create' })}>
            {t('staff.create')}
          </Button>
        }
      />
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {list.status === 'failed' && <ApiErrorAlert title={t('staff.loadFailed')} problems={[list.error]} />}
      {items === undefined && list.status !== 'failed' && <Loading space={6} />}
      {items && <StaffTable items={items} onAction={setDialog} />}

      {dialog?.kind === 'create' && (
        <CreateStaffDialog
          onClose={close}
          onCreated={(person, codes) => {
            reload();
            setNotice(t('staff.created', { name: person.displayName }));
            // On a desk enrolled with a server the person gets their codes from it, once signed in.
            setDialog(codes.length > 0 ? { kind: 'codes', person, codes } : null);
          }}
        />
      )}
      {dialog?.kind === 'codes' && <StaffCodesDialog person={dialog.person} codes={dialog.codes} onClose={close} />}
      {dialog?.kind === 'keys' && (
        <StaffKeysDialog
          person={dialog.person}
          onClose={() => {
            reload();
            close();
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          person={dialog.person}
          onClose={close}
          onDone={(person) => {
            reload();
            setNotice(t('staff.resetDone', { name: person.displayName }));
            close();
          }}
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog
          person={dialog.person}
          onClose={close}
          onDone={(person) => {
            reload();
            setNotice(t('staff.deactivated', { name: person.displayName }));
            close();
          }}
        />
      )}
    </>
  );
}

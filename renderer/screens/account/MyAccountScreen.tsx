import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInName } from '../../app/actor-name';
import { useSession, useSessionControl } from '../../app/session';
import { ChangePasswordForm } from '../../auth/ChangePasswordForm';
import { KeysManager } from '../../auth/KeysManager';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { SectionCard } from '../../ui/SectionCard';
import { RenewRecoveryCodes } from './RenewRecoveryCodes';
import { TotpSetup } from './TotpSetup';

/** Everyone's own account (A1, A2): password, keys, authenticator app, recovery codes. */
export function MyAccountScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const { apply, refresh } = useSessionControl();
  const name = useSignedInName();
  const [passwordChanged, setPasswordChanged] = useState(false);
  const actor = session.status === 'ok' ? session.data.actor : null;
  if (!actor) return null;
  return (
    <>
      <ScreenHeader
        title={t('account.title')}
        subtitle={t('account.subtitle', { name: name(actor), login: actor.login, role: t(`roles.${actor.role}`) })}
      />
      <SectionCard title={t('account.password')}>
        {passwordChanged && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {t('account.passwordChanged')}
          </Alert>
        )}
        <ChangePasswordForm
          onChanged={(next) => {
            setPasswordChanged(true);
            apply(next);
          }}
        />
      </SectionCard>
      <SectionCard title={t('account.keys')}>
        <KeysManager
          staffId={actor.id}
          tableLabel={t('account.keys')}
          onChanged={(enrolled) => (enrolled ? apply(enrolled.session) : refresh())}
        />
      </SectionCard>
      <SectionCard title={t('account.totp')}>
        <TotpSetup staffId={actor.id} />
      </SectionCard>
      <SectionCard title={t('recovery.title')}>
        <RenewRecoveryCodes />
      </SectionCard>
    </>
  );
}

import { Navigate, Outlet } from 'react-router';
import type { CabinetStage, Me } from '../../shared/cabinet/cabinet-api';
import { useSession } from '../api/session';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';

/** Where a session belongs: the cabinet once activated and signed in; the next step of the path before. */
export function homeOf(me: Me | null): string {
  if (!me) return '/sign-in';
  if (me.stage === 'patient') return '/cabinet';
  if (!me.phoneConfirmed) return '/confirm-phone';
  return '/application';
}

export function HomeRedirect() {
  const { me } = useSession();
  const { t } = useTexts();
  if (me === undefined) return <Busy label={t('app.loading')} />;
  return <Navigate to={homeOf(me)} replace />;
}

/** The screens that need a session (of a stage, when named); others go to sign-in or their home. */
export function RequireSession({ stage }: { stage?: CabinetStage }) {
  const { me } = useSession();
  const { t } = useTexts();
  if (me === undefined) return <Busy label={t('app.loading')} />;
  if (me === null) return <Navigate to="/sign-in" replace />;
  if (stage && me.stage !== stage) return <Navigate to={homeOf(me)} replace />;
  return <Outlet />;
}

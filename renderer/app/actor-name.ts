import { useTranslation } from 'react-i18next';
import { useSession, type Session } from './session';

const shownIdLength = 8;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in account's name: the desk's setup account is named in the interface language. */
export function useSignedInName(): (actor: NonNullable<Session['actor']>) => string {
  const { t } = useTranslation();
  return (actor) => (actor.kind === 'setup' ? t('actor.setup') : actor.displayName);
}

/**
 * Names staff as this desk knows them. The setup account has a stored Russian name, so it is
 * recognised (by id, or by that stored name where only a name is given) and named through
 * i18n; an account unknown here is shown by the start of its id, for support to look up
 * (`byName` gets the id itself where the service had no name for it).
 */
export function useActorNames(): { byId: (id: string, name: string | null) => string; byName: (name: string) => string } {
  const { t } = useTranslation();
  const session = useSession();
  const setup = session.status === 'ok' && session.data.actor?.kind === 'setup' ? session.data.actor : null;
  const unknown = (id: string) => t('actor.unknown', { id: id.slice(0, shownIdLength) });
  const byId = (id: string, name: string | null) => {
    if (setup && id === setup.id) return t('actor.setup');
    return name ?? unknown(id);
  };
  const byName = (name: string) => {
    if (uuid.test(name)) return byId(name, null);
    return setup && name === setup.displayName ? t('actor.setup') : name;
  };
  return { byId, byName };
}

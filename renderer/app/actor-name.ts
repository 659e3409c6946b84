import { useTranslation } from 'react-i18next';
import type { Session } from './session';

const shownIdLength = 8;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The name the main process stores for a desk's setup account (electron/core/workstation.ts).
 * Records made before staff signed in, and at other desks, name it so; it is shown in the
 * interface language.
 */
const setupAccountStoredName = 'Учётная запись рабочего места';

/** The signed-in account's name: the desk's setup account is named in the interface language. */
export function useSignedInName(): (actor: NonNullable<Session['actor']>) => string {
  const { t } = useTranslation();
  return (actor) => (actor.kind === 'setup' ? t('actor.setup') : actor.displayName);
}

/**
 * Names staff as this desk knows them. A setup account is recognised by its stored Russian name
 * and named through i18n; an account unknown here is shown by the start of its id, for support
 * to look up (`byName` gets the id itself where the service had no name for it).
 */
export function useActorNames(): {
  byId: (id: string, name: string | null) => string;
  byName: (name: string) => string;
} {
  const { t } = useTranslation();
  const unknown = (id: string) => t('actor.unknown', { id: id.slice(0, shownIdLength) });
  const byName = (name: string) => {
    if (uuid.test(name)) return unknown(name);
    return name === setupAccountStoredName ? t('actor.setup') : name;
  };
  const byId = (id: string, name: string | null) => (name === null ? unknown(id) : byName(name));
  return { byId, byName };
}

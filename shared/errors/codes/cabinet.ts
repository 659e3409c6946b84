import type { CodeEntries } from '../code-entries';

/** The patient cabinet (issue 11): accounts, sessions, one-time codes, identity online, uploads. */
export const cabinetCodes = {
  'cabinet.session.none': {
    ru: 'Войдите в личный кабинет',
    en: 'Sign in to your cabinet',
  },
} as const satisfies CodeEntries<'cabinet'>;

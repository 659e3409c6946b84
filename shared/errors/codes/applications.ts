import type { CodeEntries } from '../code-entries';

/** Applications for online access (C1–C6): the cabinet's submissions, the desk's decisions, the server's rule. */
export const applicationCodes = {
  'application.not_found': {
    ru: 'Заявление не найдено',
    en: 'The application was not found',
  },
} as const satisfies CodeEntries<'application'>;

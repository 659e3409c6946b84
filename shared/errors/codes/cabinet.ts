import type { CodeEntries } from '../code-entries';

/** The patient cabinet (issue 11): accounts, sessions, one-time codes, identity online, uploads. */
export const cabinetCodes = {
  'cabinet.session.none': {
    ru: 'Войдите в личный кабинет',
    en: 'Sign in to your cabinet',
  },
  'cabinet.session.stage': {
    ru: 'Это доступно после активации кабинета и входа с паролем и кодом',
    en: 'This is available once the cabinet is activated and you sign in with your password and a code',
  },
  'cabinet.csrf': {
    ru: 'Запрос отклонён: обновите страницу и повторите',
    en: 'The request was refused: reload the page and try again',
  },
  'cabinet.origin': {
    ru: 'Запрос пришёл не со страницы личного кабинета',
    en: 'The request did not come from the cabinet’s page',
  },
} as const satisfies CodeEntries<'cabinet'>;

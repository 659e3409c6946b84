import { accessLogWordsEn } from '../../shared/rights/access-log-words';
import type { accessLogRu } from './access-log.ru';
import type { Texts } from './texts';

/** English texts: who opened my card (issue 14, F2). */
export const accessLogEn = {
  accessLog: {
    ...accessLogWordsEn,
    title: 'Who opened my card',
    nav: 'Who opened my card',
    intro:
      'Everyone at the clinic who opened, read, changed, printed or exported your card — who, when and from which workstation. Several views by one person during one visit are one line.',
    person: 'Whose card',
    self: 'My card',
    showOwn: "Show my and my representatives' actions",
    showListed: 'Show appearances in search and lists',
    listedHint: 'An appearance in search is when your name was in a list of results but the card was not opened.',
    hiddenOwn: "Your and your representatives' actions hidden: {{count}}",
    hiddenListed: 'Appearances in search and lists hidden: {{count}}',
    loading: 'Loading the log…',
    empty: 'Nobody has opened the card yet.',
    more: 'Show more',
    emergency: 'Emergency access',
    emergencyHint: "A doctor outside your care team got access in an emergency; the clinic's auditor reviews it.",
    cabinet: 'Patient cabinet',
    columns: { when: 'When', who: 'Who', where: 'Workstation', what: 'What' },
    roles: {
      server: 'The clinic (automatic)',
      clerk: 'Front desk clerk',
      senior_clerk: 'Senior clerk',
      doctor: 'Doctor',
      admin: 'Administrator',
      auditor: 'Auditor',
      patient: 'Patient or representative',
      other: 'Staff member',
    },
  },
} satisfies Texts<typeof accessLogRu>;

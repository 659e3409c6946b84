import { accountEn } from './account.en';
import { applicationEn } from './application.en';
import { cabinetEn } from './cabinet.en';
import { frameEn } from './frame.en';
import type { Translation } from './ru';
import type { Texts } from './texts';

/** English texts: the same slices as ru.ts, each checked against its Russian slice. */
export const en = { ...frameEn, ...accountEn, ...applicationEn, ...cabinetEn } satisfies Texts<Translation>;

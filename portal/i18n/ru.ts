import { accountRu } from './account.ru';
import { applicationRu } from './application.ru';
import { cabinetRu } from './cabinet.ru';
import { frameRu } from './frame.ru';

/** The cabinet's Russian texts, its first language: each screen group keeps a slice; this file composes them. */
export const ru = { ...frameRu, ...accountRu, ...applicationRu, ...cabinetRu };
export type Translation = typeof ru;

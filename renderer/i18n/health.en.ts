import type { healthRu } from './health.ru';
import type { Texts } from './texts';

/** English texts: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthEn = {
  health: {},
} satisfies Texts<typeof healthRu>;

import type { recordRequestsRu } from './record-requests.ru';
import type { Texts } from './texts';

/** English texts: requests for my records (issue 14). */
export const recordRequestsEn = {
  recordRequests: {
    title: 'Record requests',
  },
} satisfies Texts<typeof recordRequestsRu>;

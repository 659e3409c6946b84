import type { exportsRu } from './exports.ru';
import type { Texts } from './texts';

/** English texts: exports of a record (issue 14). */
export const exportsEn = {
  exports: {
    title: 'Medical record extract',
  },
} satisfies Texts<typeof exportsRu>;

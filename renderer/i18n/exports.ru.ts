/** Russian texts: exports of a record (issue 14). */
export const exportsRu = {
  exports: {
    title: 'Выписка из медицинской карты',
  },
};

/** Russian texts: who opened my card (issue 14). */
export const accessLogRu = {
  accessLog: {
    title: 'Кто открывал мою карту',
  },
};

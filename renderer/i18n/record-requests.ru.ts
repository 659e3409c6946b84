/** Russian texts: patients' record requests at the desk (issue 14). */
export const recordRequestsRu = {
  recordRequests: {
    title: 'Запросы медицинской документации',
  },
};

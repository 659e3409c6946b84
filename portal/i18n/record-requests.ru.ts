/** Russian texts: requests for my records (issue 14). */
export const recordRequestsRu = {
  recordRequests: {
    title: 'Запросы документов',
  },
};

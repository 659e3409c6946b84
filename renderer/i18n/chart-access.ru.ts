/** Russian texts: restricted records and break-the-glass (issue 14). */
export const chartAccessRu = {
  chartAccess: {
    title: 'Ограничения и экстренный доступ',
  },
};

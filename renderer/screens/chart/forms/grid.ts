/** Boxes side by side on a wide dialog, one under another on a narrow one. */
export const twoColumns = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' },
  columnGap: 2,
  alignItems: 'start',
} as const;

export const threeColumns = { ...twoColumns, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } } as const;

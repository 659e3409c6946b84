/** An ISO date (`2026-11-27`) as people read it: `27.11.2026`. */
export function formatIsoDate(date: string): string {
  const [year, month, day] = date.split('-');
  return year && month && day ? `${day}.${month}.${year}` : date;
}

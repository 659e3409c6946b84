import { chartEntryKinds, visitTypes } from '../../../shared/chart/entry-kinds';
import type { CabinetFilter } from '../../api/chart-client';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
}

/**
 * The history's filter kept in the page's address (`?from=…&kinds=diagnosis,allergy`), so going back
 * from an entry finds the list as it was filtered. Whatever the address holds is read leniently:
 * an unknown word is dropped, never sent.
 */
export function filterFromSearch(search: URLSearchParams): CabinetFilter {
  const day = (name: string) => {
    const value = search.get(name);
    return value && isoDay.test(value) ? value : null;
  };
  return {
    from: day('from'),
    to: day('to'),
    visitTypes: listOf(search.get('visitTypes'), visitTypes),
    kinds: listOf(search.get('kinds'), chartEntryKinds),
    diagnosis: (search.get('diagnosis') ?? '').slice(0, 16),
    text: (search.get('text') ?? '').slice(0, 100),
  };
}

export function searchFromFilter(filter: CabinetFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.from) search.set('from', filter.from);
  if (filter.to) search.set('to', filter.to);
  if (filter.visitTypes.length > 0) search.set('visitTypes', filter.visitTypes.join(','));
  if (filter.kinds.length > 0) search.set('kinds', filter.kinds.join(','));
  if (filter.diagnosis.trim()) search.set('diagnosis', filter.diagnosis.trim());
  if (filter.text.trim()) search.set('text', filter.text.trim());
  return search;
}

export function isFiltered(filter: CabinetFilter): boolean {
  return searchFromFilter(filter).toString() !== '';
}

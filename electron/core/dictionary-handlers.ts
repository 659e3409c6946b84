import type { DictionaryItem, DictionaryName } from '../../shared/api/dictionary-calls';
import type { ServiceContext } from './context';
import { lookup, searchEntries, type DictionaryEntry } from '../services/dictionaries/lookup';
import type { Handlers } from './handler-types';

const item = ({ code, name, retired, data }: DictionaryEntry): DictionaryItem => ({ code, name, retired, data });

type SearchInput = { name: DictionaryName; query: string; limit: number; includeRetired: boolean };

function search(ctx: ServiceContext, input: SearchInput): { items: DictionaryItem[] } {
  return {
    items: searchEntries(ctx, input.name, input.query, {
      limit: input.limit,
      includeRetired: input.includeRetired,
    }).map(item),
  };
}

function get(ctx: ServiceContext, input: { name: DictionaryName; code: string }): { item: DictionaryItem | null } {
  const entry = lookup(ctx, input.name, input.code);
  return { item: entry ? item(entry) : null };
}

/** Reference data for pickers and labels: the active version, not audited (no patient data). */
export const dictionaryHandlers: Handlers<'dictionaries'> = {
  'dictionaries.search': search,
  'dictionaries.get': get,
  'dictionaries.searchScheduleCodes': search,
  'dictionaries.getScheduleCode': get,
};

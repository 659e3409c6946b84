import type { DictionaryItem } from '../../shared/api/dictionary-calls';
import { lookup, searchEntries, type DictionaryEntry } from '../services/dictionaries/lookup';
import type { Handlers } from './handler-types';

const item = ({ code, name, retired, data }: DictionaryEntry): DictionaryItem => ({ code, name, retired, data });

/** Reference data for pickers and labels: the active version, not audited (no patient data). */
export const dictionaryHandlers: Handlers<'dictionaries'> = {
  'dictionaries.search': (ctx, input) => ({
    items: searchEntries(ctx, input.name, input.query, {
      limit: input.limit,
      includeRetired: input.includeRetired,
    }).map(item),
  }),
  'dictionaries.get': (ctx, input) => {
    const entry = lookup(ctx, input.name, input.code);
    return { item: entry ? item(entry) : null };
  },
};

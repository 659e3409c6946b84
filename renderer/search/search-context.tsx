import { createContext, useContext, useState, type ReactNode } from 'react';
import type { CallOutput } from '../../shared/api/contract';
import { useApiQuery, type QueryState } from '../api/use-api-query';

export type SearchResult = CallOutput<'patients.search'>;

/** Long enough to let a word finish, short enough to feel instant. */
const typingPauseMs = 120;
export const searchLimit = 20;

interface SearchState {
  query: string;
  setQuery: (query: string) => void;
  result: QueryState<SearchResult>;
}

const SearchContext = createContext<SearchState | null>(null);

/**
 * The one search of the top bar (UX.md). The list screen shows the same answer in full. Typing
 * never waits for the answer; an answer to an older query is dropped.
 */
export function SearchProvider({ children }: { children: ReactNode }) {
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const result = useApiQuery(
    trimmed,
    trimmed === '' ? null : (api) => api.patients.search({ query: trimmed, limit: searchLimit }),
    typingPauseMs,
  );
  return <SearchContext.Provider value={{ query, setQuery, result }}>{children}</SearchContext.Provider>;
}

export function useSearch(): SearchState {
  const state = useContext(SearchContext);
  if (!state) throw new Error('useSearch() outside <SearchProvider>');
  return state;
}

import type { Knex } from 'knex';
import { dictionaryEntryWords } from '../local-writers/dictionary-tables';

/**
 * The words of the dictionary entries imported before `dictionary_words` existed (0023): a desk
 * that imported МКБ-10 earlier finds it by words at once, without importing it again. Every
 * version's entries get the words an import writes today (`dictionaryEntryWords`: the name's,
 * a medicine's МНН and trade name's; none for calendars and the formulary). Entries are read in
 * pages by their primary key; a word already there is kept. It also adds the words' index by code.
 */
const page = 2000;

interface EntryRow {
  dictionary: string;
  version: string;
  code: string;
  name: string;
  data: string;
}

export async function up(knex: Knex): Promise<void> {
  // An entry's words by its code: the search checks «does this entry have a word starting so»
  // with one seek, reading entries in code order when every query word is common (lookup.ts).
  await knex.raw('CREATE INDEX dictionary_words_by_code ON dictionary_words (dictionary, version, code, word)');
  let after: Pick<EntryRow, 'dictionary' | 'version' | 'code'> = { dictionary: '', version: '', code: '' };
  for (;;) {
    const rows: EntryRow[] = await knex('dictionary_entries')
      .select('dictionary', 'version', 'code', 'name', 'data')
      .whereRaw('(dictionary, version, code) > (?, ?, ?)', [after.dictionary, after.version, after.code])
      .orderBy(['dictionary', 'version', 'code'])
      .limit(page);
    if (rows.length === 0) return;
    const words = rows.flatMap((row) =>
      dictionaryEntryWords(row.dictionary, row.name, JSON.parse(row.data) as Record<string, unknown>).map((word) => ({
        dictionary: row.dictionary,
        version: row.version,
        word,
        code: row.code,
      })),
    );
    for (let i = 0; i < words.length; i += 200)
      await knex('dictionary_words')
        .insert(words.slice(i, i + 200))
        .onConflict(['dictionary', 'version', 'word', 'code'])
        .ignore();
    after = rows[rows.length - 1]!;
  }
}

/** The words stay: they are what an import writes anyway, and 0023 (their table) is not reversible. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX dictionary_words_by_code');
}

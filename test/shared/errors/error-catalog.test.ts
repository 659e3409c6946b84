import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFailure } from '../../../electron/sync/sync-progress';
import { SyncRefusedError } from '../../../electron/sync/sync-transport';
import { problemFromCode } from '../../../renderer/forms/field-problem';
import { refusal } from '../../../server/sync/table-rules';
import { AppError } from '../../../shared/errors/app-error';
import { errorCatalog, localize } from '../../../shared/errors/catalog';
import type { LocalizedText } from '../../../shared/errors/code-entries';
import type { Mutation } from '../../../shared/sync/protocol';

const codesDir = join(import.meta.dirname, '../../../shared/errors/codes');

/** Every feature's codes, by file: `codes/<feature>.ts` exports one object of entries. */
async function featureFiles(): Promise<Map<string, Record<string, LocalizedText>>> {
  const files = new Map<string, Record<string, LocalizedText>>();
  for (const file of readdirSync(codesDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const module = (await import(join(codesDir, file))) as Record<string, Record<string, LocalizedText>>;
    const exported = Object.values(module);
    expect(exported, `${file} exports one object of codes`).toHaveLength(1);
    files.set(file, exported[0] ?? {});
  }
  return files;
}

describe('the error catalogue, composed of the features’ codes', () => {
  it('holds every feature file’s codes, each defined in exactly one file', async () => {
    const owner = new Map<string, string>();
    for (const [file, codes] of await featureFiles()) {
      for (const code of Object.keys(codes)) {
        expect(owner.get(code), `${code} is defined in ${owner.get(code)} and ${file}`).toBeUndefined();
        owner.set(code, file);
        expect(errorCatalog, `${file} is spread into shared/errors/catalog.ts`).toHaveProperty([code], codes[code]);
      }
    }
    expect([...owner.keys()].sort()).toEqual(Object.keys(errorCatalog).sort());
  });

  it('gives every code a text in both languages', () => {
    for (const [code, text] of Object.entries(errorCatalog)) {
      expect(text.ru.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
    }
  });

  it('fills placeholders from params and leaves unknown ones visible', () => {
    expect(localize('input.too_long', { max: 5 })).toEqual({ ru: 'Не длиннее 5 символов', en: 'At most 5 characters' });
    expect(localize('input.too_long').en).toBe('At most {max} characters');
  });
});

describe('a code that is not in the catalogue', () => {
  it('fails the type check wherever a code is written', () => {
    const mutation = { mutationId: '00000000-0000-7000-8000-000000000000' } as Mutation;
    const typo = () => {
      // @ts-expect-error — a typo of patient.snils.checksum
      new AppError('patient.snils.checksun');
      // @ts-expect-error — the server's refusal of a mutation
      refusal(mutation, 'sync.actor_unknwon');
      // @ts-expect-error — a form's pre-check
      problemFromCode('input.requried');
      // @ts-expect-error — the desk's own sync failure
      syncFailure('sync.unreachble');
      // @ts-expect-error — a refusal the desk names itself
      new SyncRefusedError(422, 'sync.blob.mismatsh');
    };
    expect(typo).toBeTypeOf('function');
  });
});

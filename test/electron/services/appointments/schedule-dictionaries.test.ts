import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importDictionaryFiles } from '../../../../electron/services/dictionaries/import-file';
import { lookup } from '../../../../electron/services/dictionaries/lookup';
import { actingAs } from '../../../support/appointment-fixtures';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

import { hasSharedData, sharedData, skipNote } from '../../../shared/domain/calendar-fixtures';

const nsiJson = join(sharedData, 'nsi-json');

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe.skipIf(!hasSharedData)(
  `the specialties (1066) and positions (1002) a schedule names, imported from the ministry’s ФНСИ export${skipNote}`,
  () => {
    it('imports the real exports from their folder, current and retired entries told apart', async () => {
      desk = await openTempDesk();
      const admin = actingAs(desk, 'admin');
      const specialties = importDictionaryFiles(admin, 'specialties', [nsiJson]);
      expect(specialties.outcome).toMatchObject({ version: '5.4', rows: 146 });
      expect(specialties.refused).toEqual([]);
      const positions = importDictionaryFiles(admin, 'positions', [nsiJson]);
      expect(positions.outcome).toMatchObject({ version: '9.6', rows: 553 });
      expect(lookup(desk.ctx, 'specialties', '27')).toMatchObject({ name: 'Терапия', retired: false });
      expect(lookup(desk.ctx, 'positions', '109')).toMatchObject({ name: 'Врач-терапевт', retired: false });
      // ACTUAL=0 retires a position; DATA_END alone («сохраняется для лиц, принятых до …») does not.
      expect(lookup(desk.ctx, 'positions', '112')).toMatchObject({ retired: false, data: { dataEnd: '2023-09-01' } });
      const search = await desk.dispatch('dictionaries.search', { name: 'specialties', query: 'терап' });
      expect(search).toMatchObject({
        ok: true,
        data: { items: expect.arrayContaining([expect.objectContaining({ code: '27' })]) },
      });
    });
  },
);

/** Russian texts: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupsRu = {
  backups: {
    title: 'Резервные копии',
    run: 'Создать копию сейчас',
    drill: 'Проверить восстановление',
    log: 'Журнал копий и проверок',
    phase: {
      snapshot: 'Снимок базы данных…',
      write: 'Запись файла копии…',
      verify: 'Проверка копии…',
      unpack: 'Проверка копии: распаковка…',
      rotate: 'Удаление старых копий…',
    },
    done: 'Копия создана и проверена: {{file}}',
    failed: 'Не удалось: {{code}}',
    drillOk:
      'Восстановление проверено: {{file}} — пациентов {{patients}}, записей карты {{chartEntries}}, сканов {{scans}}, событий аудита {{auditEvents}}, цепочка аудита цела',
    drillFailed: 'Проверка восстановления не пройдена: {{file}} ({{failure}})',
    kind: { backup: 'Копия', drill: 'Проверка восстановления' },
    verdictOk: 'проверена',
    verdictFailed: 'НЕ ПРОЙДЕНА',
  },
};

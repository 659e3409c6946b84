import type { Texts } from './texts';
import type { syncRu } from './sync.ru';

/** English texts of synchronisation: state, conflicts, refused changes: the same keys as sync.ru.ts. */
export const syncEn = {
  sync: {
    summary: {
      loading: 'Checking the sync state…',
      unknown: 'Sync state unknown: {{message}}',
      notConfigured: 'No sync server connected',
      connecting: 'Connecting to the sync server…',
      syncing: 'Synchronising…',
      online: 'Synchronised {{time}}',
      onlineNever: 'Connected to the server',
      offline: 'No connection to the server since {{time}}',
      offlineNever: 'No connection to the server',
      refused: 'The server refused: {{message}}',
      refusedNoReason: 'The server refused this workstation',
      withQueue: '{{summary}}, {{queue}}',
      // English has two plural forms; the Russian-only forms repeat "other".
      queue_one: '{{count, number}} change waiting',
      queue_few: '{{count, number}} changes waiting',
      queue_many: '{{count, number}} changes waiting',
      queue_other: '{{count, number}} changes waiting',
    },
    progress: {
      snapshot: 'First sync: {{done, number}} of {{total, number}}',
      snapshotOpen: 'First sync: {{done, number}} received',
      push: 'Sending changes: {{done, number}} of {{total, number}}',
      pushOpen: 'Sending changes: {{done, number}}',
      pull: 'Receiving changes: {{done, number}} of {{total, number}}',
      pullOpen: 'Receiving changes: {{done, number}}',
      dictionary: 'Downloading a dictionary: {{done, number}} of {{total, number}} KB',
      dictionaryOpen: 'Downloading a dictionary: {{done, number}} KB',
    },
    page: {
      title: 'Synchronisation',
      intro:
        'This workstation keeps the records locally and exchanges changes with the clinic server. Work goes on without a connection: changes wait to be sent.',
      loadFailed: 'The sync state could not be read',
      state: 'State',
      server: 'Server',
      noServer: 'not connected',
      lastSync: 'Last sync',
      never: 'not yet',
      pending: 'Waiting to be sent',
      nothingPending: 'nothing, all sent',
      pendingValue_one: '{{count, number}} change',
      pendingValue_few: '{{count, number}} changes',
      pendingValue_many: '{{count, number}} changes',
      pendingValue_other: '{{count, number}} changes',
      errorTitle: 'The last sync attempt failed',
      errorHint: 'Carry on working: the changes will be sent once the connection is back.',
      refusedHint: 'Changes are kept on this workstation. Contact the clinic administrator and give the error code.',
    },
    connect: {
      title: 'How to connect this workstation to the server',
      intro: 'For now a workstation is connected from the command line, usually by the clinic administrator:',
      enrolDevice:
        'On the clinic server, the administrator runs this command. It prints a one-time enrolment code, valid for 24 hours:',
      enrolDesk:
        'On this computer, run this command with the server address (URL, https://); it asks for the code (never type it into the command line):',
      restart: 'Restart Medcard Desk. Sync starts by itself; its state shows in the bar at the bottom of the window.',
    },
    conflicts: {
      title: 'Conflicts',
      intro:
        'The same field of a record was changed differently at two workstations. Compare the values and choose the right one: the other stays in the record’s history.',
      loadFailed: 'The conflicts could not be loaded',
      empty: 'No conflicts',
      emptyHint:
        'If two workstations change the same field differently, the choice between the values will appear here.',
      listLabel: 'Unresolved conflicts',
      unknownPatient: 'A patient not present on this workstation',
      openCard: 'Open the record',
      field: 'Field “{{field}}”',
      madeBy: '{{actor}}, {{time}}',
      serverSide: 'On the server',
      deviceSide: 'From workstation “{{device}}”',
      unknownActor: 'unknown person',
      unknownTime: 'time unknown',
      keepServer: 'Keep the server’s value',
      keepDevice: 'Accept the value from workstation “{{device}}”',
      resolveFailed: 'The choice was not saved',
      resolvedServer: 'Conflict resolved: the server’s value was kept',
      resolvedDevice: 'Conflict resolved: the value from workstation “{{device}}” was accepted',
      alreadyResolved: 'This conflict was already resolved at another workstation',
      emptyValue: 'empty',
      notDeleted: 'record not deleted',
    },
    refused: {
      title: 'Changes the server refused',
      kept: 'These changes are kept on this workstation and are not lost. Give support the error code from the table: it tells them the cause.',
      empty: 'The server accepted every change sent.',
      tableLabel: 'Changes the server refused',
      columns: {
        record: 'Record',
        field: 'Field',
        error: 'Error',
        at: 'Changed',
      },
      wholeRecord: 'whole record',
    },
    tables: {
      patients: 'Patient record',
      sync_conflicts: 'Conflict resolution',
    },
  },
} satisfies Texts<typeof syncRu>;

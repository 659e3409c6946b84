/**
 * What a host lets the database-key calls reach. The browser host, which opens the store itself
 * from Node, can bind its key to hardware keys; a key given from outside (`MEDCARD_DB_KEY`, a key
 * file) is not bound; Electron (safeStorage) and the command line cannot bind yet.
 */
export type DatabaseKeyAccess =
  | { where: 'not-here' }
  | { where: 'other-source' }
  | {
      where: 'bindable';
      dbPath: string;
      boundKeysFile: string;
      /** The key the store was opened with. */
      key: Buffer;
      /** Deletes the copy of the key kept before binding (proven and with a recovery key by then). */
      forgetKeptCopy(): void;
    };

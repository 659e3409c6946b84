import { v7 } from 'uuid';

/** Row and event ids: UUIDv7, time-ordered so that new rows append to the B-tree. */
export function newId(): string {
  return v7();
}

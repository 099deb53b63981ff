/** UUIDv7 ids: made locally, sortable by creation time, unique across offline desks. */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

import type { Reader, ReaderSpec } from './reader';
import { openSqliteReader } from './sqlite/open-sqlite-reader';

export function openReader(spec: ReaderSpec): Reader {
  switch (spec.engine) {
    case 'sqlite':
      return openSqliteReader(spec);
  }
}

import type { Reader, ReaderSpec } from './reader';
import { openPostgresReader } from './postgres/open-postgres-reader';
import { openSqliteReader } from './sqlite/open-sqlite-reader';

export function openReader(spec: ReaderSpec): Reader {
  switch (spec.engine) {
    case 'sqlite':
      return openSqliteReader(spec);
    case 'postgres':
      return openPostgresReader(spec);
  }
}

import pg from 'pg';

/**
 * Values as the domain reads them on SQLite too: counts and sums (bigint) as numbers, flags (boolean
 * columns) as 1 / 0. Per pool, not pg's global parsers: nothing else in the process is touched.
 */
export const valueTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    if (oid === pg.types.builtins.BOOL) return (v: string) => (v === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

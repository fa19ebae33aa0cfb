import { Paper, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FigureColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The first column names the row; the others are figures, centred. */
  name?: boolean;
}

/** A titled table of figures, right to left as the page is. */
export function FigureTable<Row>({ title, columns, rows, testId }: { title: string; columns: FigureColumn<Row>[]; rows: readonly Row[]; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      <Table striped withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} ta={c.name ? 'start' : 'center'}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              {columns.map((c) => (
                <Table.Td key={c.header} ta={c.name ? 'start' : 'center'}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

import { Button, Menu } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { usePrintPdf } from '../printing/usePrintPdf';

/**
 * The reference shelf (T1–T4) for everyone at the desk: the bylaws, the social-research services
 * guide, the support-policy guide and the blank request form, each opened for reading or printing.
 */
export function ReferencesMenu() {
  const shelf = useOp('documents.referenceShelf', {}, { staleTime: 60_000 });
  const reference = usePrintPdf('documents.reference');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" loading={reference.isPending} data-testid="references-menu">
          {ar.printing.references}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="references-list">
        {(shelf.data ?? []).map((item) => (
          <Menu.Item key={item.shelf} onClick={() => void reference.print({ shelf: item.shelf })} data-testid={`reference-${item.shelf}`}>
            {item.title}
          </Menu.Item>
        ))}
        {shelf.isError && <Menu.Label>{shelf.error.message}</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}

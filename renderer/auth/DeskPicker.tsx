import { Select } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';

export function DeskPicker({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const desks = useOp('settings.desks', {});
  return (
    <Select
      label={ar.ui.desk}
      data={(desks.data ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.ticketPrefix})` }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      withAsterisk
    />
  );
}

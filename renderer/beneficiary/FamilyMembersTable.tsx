import { Button, Select, Table, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray } from 'react-hook-form';
import { FAMILY_RELATIONS, type FamilyRelation } from '@shared/domain/request';
import { ar } from '@shared/labels/ar';
import { DateInput } from '../ui/DateInput';
import type { ProfileForm } from './profile-values';

/** The household (name, relation, ID, birth date): the research committee weighs the need by it. */
export function FamilyMembersTable({ form, onDateValidity }: { form: ProfileForm; onDateValidity: (key: string, invalid: boolean) => void }) {
  const members = useFieldArray({ control: form.control, name: 'family' });
  const errors = form.formState.errors.family;
  return (
    <>
      {members.fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {ar.profile.noFamily}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="family-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ar.profile.memberName}</Table.Th>
              <Table.Th w={150}>{ar.profile.relation}</Table.Th>
              <Table.Th w={150}>{ar.profile.memberId}</Table.Th>
              <Table.Th w={230}>{ar.profile.birthDate}</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.fields.map((m, i) => (
              <Table.Tr key={m.id} data-testid="family-row">
                <Table.Td>
                  <TextInput {...form.register(`family.${i}.name`)} aria-label={ar.profile.memberName} error={errors?.[i]?.name?.message} />
                </Table.Td>
                <Table.Td>
                  <Controller
                    control={form.control}
                    name={`family.${i}.relation`}
                    render={({ field }) => (
                      <Select
                        aria-label={ar.profile.relation}
                        data={FAMILY_RELATIONS.map((r) => ({ value: r, label: ar.familyRelations[r] }))}
                        value={field.value}
                        onChange={(v) => v && field.onChange(v as FamilyRelation)}
                        allowDeselect={false}
                      />
                    )}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput {...form.register(`family.${i}.idNumber`)} aria-label={ar.profile.memberId} dir="ltr" className="tabular" error={errors?.[i]?.idNumber?.message} />
                </Table.Td>
                <Table.Td>
                  <Controller
                    control={form.control}
                    name={`family.${i}.birthDate`}
                    render={({ field }) => (
                      <DateInput
                        aria-label={ar.profile.birthDate}
                        value={field.value ?? null}
                        onChange={(v, invalid) => {
                          field.onChange(v);
                          onDateValidity(`family.${m.id}`, invalid);
                        }}
                        defaultCalendar="gregorian"
                        error={errors?.[i]?.birthDate?.message}
                      />
                    )}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      onDateValidity(`family.${m.id}`, false);
                      members.remove(i);
                    }}
                  >
                    {ar.profile.removeMember}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button size="xs" variant="light" mt="xs" w="fit-content" onClick={() => members.append({ name: '', relation: 'son', idNumber: '', birthDate: null })} data-testid="add-family-member">
        {ar.profile.addMember}
      </Button>
    </>
  );
}

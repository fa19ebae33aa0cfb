import { Chip, Group, NumberInput, Select, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { ID_TYPES, type IdType } from '@shared/domain/identity';
import { GENDERS, HOUSING_TYPES, INCOME_SOURCES, MARITAL_STATUSES, type IncomeSource } from '@shared/domain/request';
import { ar } from '@shared/labels/ar';
import { DateInput } from '../ui/DateInput';
import type { ProfileForm, ProfileValues } from './profile-values';

type DateField = 'idExpiry' | 'birthDate';
type TextField = 'firstName' | 'fatherName' | 'grandfatherName' | 'familyName' | 'latinName' | 'nationality' | 'mobile' | 'mobile2' | 'city' | 'district' | 'address';

/** The file's fields, section by section, as the research form lays them out. */
export function ProfileFields({ form, onDateValidity }: { form: ProfileForm; onDateValidity: (key: string, invalid: boolean) => void }) {
  const e = form.formState.errors;
  const housing = form.watch('housingType');

  const text = (name: TextField, label: string, opts: { required?: boolean; ltr?: boolean } = {}) => (
    <TextInput
      label={label}
      {...form.register(name)}
      error={e[name]?.message}
      withAsterisk={opts.required}
      dir={opts.ltr ? 'ltr' : undefined}
      data-testid={`profile-${name}`}
    />
  );
  const date = (name: DateField, label: string, calendar: 'hijri' | 'gregorian') => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <DateInput
          label={label}
          value={field.value ?? null}
          onChange={(v, invalid) => {
            field.onChange(v);
            onDateValidity(name, invalid);
          }}
          defaultCalendar={calendar}
          error={e[name]?.message}
          data-testid={`profile-${name}`}
        />
      )}
    />
  );
  const choice = <N extends 'gender' | 'maritalStatus' | 'housingType'>(name: N, label: string, values: readonly string[], labels: Record<string, string>) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          data={values.map((v) => ({ value: v, label: labels[v]! }))}
          value={field.value ?? null}
          onChange={(v) => field.onChange((v ?? null) as ProfileValues[N])}
          clearable
          data-testid={`profile-${name}`}
        />
      )}
    />
  );
  // No `min`: the field would silently clamp −50 to 0 on leaving it; the schema's message says why instead.
  const money = (name: 'monthlyIncome' | 'rentAmount', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(v === '' ? null : Number(v))}
          onBlur={field.onBlur}
          thousandSeparator=","
          error={e[name]?.message}
          className="tabular"
          data-testid={`profile-${name}`}
        />
      )}
    />
  );

  return (
    <>
      <Title order={5}>{ar.profile.identitySection}</Title>
      <SimpleGrid cols={4} spacing="sm">
        {text('firstName', ar.ui.firstName, { required: true })}
        {text('fatherName', ar.ui.fatherName, { required: true })}
        {text('grandfatherName', ar.ui.grandfatherName, { required: true })}
        {text('familyName', ar.ui.familyName, { required: true })}
      </SimpleGrid>
      <SimpleGrid cols={4} spacing="sm">
        {text('latinName', ar.profile.latinName, { ltr: true })}
        <Controller
          control={form.control}
          name="identity.idType"
          render={({ field }) => (
            <Select
              label={ar.ui.idType}
              data={ID_TYPES.map((t) => ({ value: t, label: ar.idTypes[t] }))}
              value={field.value}
              onChange={(v) => v && field.onChange(v as IdType)}
              allowDeselect={false}
            />
          )}
        />
        <TextInput
          label={ar.ui.idNumber}
          {...form.register('identity.idNumber')}
          error={e.identity?.idNumber?.message ?? e.identity?.message}
          dir="ltr"
          className="tabular"
          withAsterisk
          data-testid="profile-idNumber"
        />
        {date('idExpiry', ar.profile.idExpiry, 'hijri')}
      </SimpleGrid>

      <Title order={5} mt="sm">
        {ar.profile.personalSection}
      </Title>
      <SimpleGrid cols={4} spacing="sm">
        {text('nationality', ar.profile.nationality)}
        {choice('gender', ar.profile.gender, [...GENDERS], ar.genders)}
        {date('birthDate', ar.profile.birthDate, 'gregorian')}
        {choice('maritalStatus', ar.profile.maritalStatus, [...MARITAL_STATUSES], ar.maritalStatuses)}
      </SimpleGrid>

      <Title order={5} mt="sm">
        {ar.profile.contactSection}
      </Title>
      <SimpleGrid cols={4} spacing="sm">
        {text('mobile', ar.ui.mobile, { required: true, ltr: true })}
        {text('mobile2', ar.profile.mobile2, { ltr: true })}
        {text('city', ar.profile.city)}
        {text('district', ar.profile.district)}
      </SimpleGrid>
      {text('address', ar.profile.address)}

      <Title order={5} mt="sm">
        {ar.profile.incomeSection}
      </Title>
      <SimpleGrid cols={4} spacing="sm">
        {money('monthlyIncome', ar.profile.monthlyIncome)}
        {choice('housingType', ar.profile.housingType, [...HOUSING_TYPES], ar.housingTypes)}
        {housing === 'rented' && money('rentAmount', ar.profile.rentAmount)}
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {ar.profile.incomeSources}
      </Text>
      <Controller
        control={form.control}
        name="incomeSources"
        render={({ field }) => (
          <Chip.Group multiple value={field.value ?? []} onChange={(v) => field.onChange(v as IncomeSource[])}>
            <Group gap={6} data-testid="profile-incomeSources">
              {INCOME_SOURCES.map((s) => (
                <Chip key={s} value={s} size="sm" radius="sm">
                  {ar.incomeSources[s]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
      />

      <Title order={5} mt="sm">
        {ar.profile.notesSection}
      </Title>
      <Textarea {...form.register('notes')} aria-label={ar.profile.notes} autosize minRows={2} error={e.notes?.message} />
    </>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract, type BeneficiaryView } from '@shared/contract';
import { ID_TYPES } from '@shared/domain/identity';
import { ar } from '@shared/labels/ar';
import { normalizeMobile } from '@shared/validation/mobile';
import { looksLikeNationalId } from '@shared/validation/national-id';
import { toAsciiDigits } from '@shared/text/digits';
import { DuplicateAlert } from '../beneficiary/DuplicateAlert';
import { opKey, useOpMutation } from '../data/operations';
import { call } from '../transport/call';
import { DateInput } from '../ui/DateInput';
import { notifyError } from '../ui/notify';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useDraft } from '../ui/useDraft';

const schema = contract['beneficiaries.register'].input;
type Values = z.input<typeof schema>;
/** Every field the form shows; a problem anywhere else is listed above the buttons. */
const FORM_FIELDS = ['firstName', 'fatherName', 'grandfatherName', 'familyName', 'identity', 'mobile', 'birthDate'];

/** What the search box already holds becomes the first field's value: an ID, a mobile, or the name. */
function prefill(query: string): Values {
  const q = query.trim();
  const empty: Values = { firstName: '', fatherName: '', grandfatherName: '', familyName: '', identity: { idType: 'national_id', idNumber: '' }, mobile: '' };
  if (looksLikeNationalId(q)) {
    const idNumber = toAsciiDigits(q);
    return { ...empty, identity: { idType: idNumber.startsWith('2') ? 'iqama' : 'national_id', idNumber } };
  }
  if (normalizeMobile(q)) return { ...empty, mobile: q };
  const [first = '', father = '', grandfather = '', ...family] = q.split(/\s+/).filter(Boolean);
  return { ...empty, firstName: first, fatherName: father, grandfatherName: grandfather, familyName: family.join(' ') };
}

/** The minimum to open a file at the desk (four-part name, identity with its check digit, mobile). Saved as typed. */
export function EnrolBeneficiaryForm({ initialQuery, onEnrolled, onCancel }: { initialQuery: string; onEnrolled: (b: BeneficiaryView) => void; onCancel: () => void }) {
  const draft = useDraft<Values>('register-beneficiary');
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: draft.saved ?? prefill(initialQuery),
    // Checked on save, then as the clerk corrects: a check on leaving a field would move the save
    // button under the pointer (the first field's message appears) and swallow the click.
    mode: 'onSubmit',
  });
  // A day that does not exist is named by the date field itself and stops the save, as in the file.
  const [badBirthDate, setBadBirthDate] = useState(false);
  const client = useQueryClient();
  // What was last sent: resent as it is, confirmed, when the receptionist decides a similar file is another person.
  const sent = useRef<Values | null>(null);
  const enrol = useOpMutation('beneficiaries.register', {
    onSuccess: (b) => {
      draft.clear();
      onEnrolled(b);
    },
    onError: (error) => {
      for (const issue of error.issues ?? []) form.setError(issue.path.join('.') as keyof Values, { message: issue.message });
    },
  });
  useEffect(() => {
    const sub = form.watch((values) => draft.save(values as Values));
    return () => sub.unsubscribe();
  }, [form, draft]);

  const e = form.formState.errors;
  const text = (name: 'firstName' | 'fatherName' | 'grandfatherName' | 'familyName', label: string, autoFocus = false) => (
    <TextInput label={label} {...form.register(name)} error={e[name]?.message} autoFocus={autoFocus} withAsterisk data-testid={`reg-${name}`} />
  );

  return (
    <form
      onSubmit={form.handleSubmit(() => {
        if (enrol.isPending || badBirthDate) return;
        sent.current = { ...form.getValues(), confirmDuplicates: false };
        enrol.mutate(sent.current);
      })}
      onKeyDown={(ev) => ev.key === 'Escape' && onCancel()}
      noValidate
    >
      <Stack gap="sm">
        <Text fw={600}>{ar.ui.enrolNew}</Text>
        <SimpleGrid cols={2} spacing="xs">
          {text('firstName', ar.ui.firstName, true)}
          {text('fatherName', ar.ui.fatherName)}
          {text('grandfatherName', ar.ui.grandfatherName)}
          {text('familyName', ar.ui.familyName)}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="xs">
          <Controller
            control={form.control}
            name="identity.idType"
            render={({ field }) => (
              <Select
                label={ar.ui.idType}
                data={ID_TYPES.map((t) => ({ value: t, label: ar.idTypes[t] }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
              />
            )}
          />
          <TextInput label={ar.ui.idNumber} {...form.register('identity.idNumber')} error={e.identity?.idNumber?.message ?? e.identity?.message} dir="ltr" withAsterisk data-testid="reg-idNumber" />
        </SimpleGrid>
        <TextInput label={ar.ui.mobile} {...form.register('mobile')} error={e.mobile?.message} dir="ltr" placeholder="05XXXXXXXX" withAsterisk data-testid="reg-mobile" />
        <Controller
          control={form.control}
          name="birthDate"
          render={({ field }) => (
            <DateInput
              label={ar.profile.birthDate}
              value={field.value ?? null}
              onChange={(v, invalid) => {
                field.onChange(v);
                setBadBirthDate(invalid);
              }}
              defaultCalendar="gregorian"
              error={e.birthDate?.message}
              data-testid="reg-birthDate"
            />
          )}
        />
        {enrol.error?.code === 'duplicate' && (
          <DuplicateAlert
            error={enrol.error}
            busy={enrol.isPending}
            onSaveAnyway={() => sent.current && !enrol.isPending && enrol.mutate({ ...sent.current, confirmDuplicates: true })}
            onUse={(hint) => {
              draft.clear();
              void client
                .fetchQuery({ queryKey: opKey('beneficiaries.get', { beneficiaryId: hint.beneficiaryId }), queryFn: () => call('beneficiaries.get', { beneficiaryId: hint.beneficiaryId }) })
                .then(onEnrolled, notifyError);
            }}
          />
        )}
        <ErrorAlert error={enrol.error && !['conflict', 'duplicate'].includes(enrol.error.code) ? enrol.error : null} fields={FORM_FIELDS} />
        <Group grow>
          <Button
            variant="default"
            onClick={() => {
              draft.clear();
              onCancel();
            }}
          >
            {ar.ui.back}
          </Button>
          <Button type="submit" loading={enrol.isPending} data-testid="reg-submit">
            {ar.ui.saveAndContinue}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

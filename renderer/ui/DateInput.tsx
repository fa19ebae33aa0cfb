import { SegmentedControl, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { formatGregorian, formatHijri } from '@shared/dates/calendar';
import { formatHijriNumeric, parseDateInput, type DateCalendar } from '@shared/dates/hijri';
import { ar } from '@shared/labels/ar';
import { toAsciiDigits } from '@shared/text/digits';

interface Props {
  label?: string;
  'aria-label'?: string;
  /** The ISO Gregorian date (YYYY-MM-DD), or null. */
  value: string | null;
  /** The ISO date, or null when the field is empty or holds a day that does not exist; `invalid` tells which. */
  onChange: (value: string | null, invalid: boolean) => void;
  onBlur?: () => void;
  /** Saudi IDs print Hijri expiry dates, so clerks type Hijri unless told otherwise. */
  defaultCalendar?: DateCalendar;
  disabled?: boolean;
  withAsterisk?: boolean;
  error?: string;
  'data-testid'?: string;
}

const COMPLETE = /^\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}$/;

function show(iso: string | null, calendar: DateCalendar): string {
  if (!iso) return '';
  return calendar === 'hijri' ? formatHijriNumeric(iso) : iso;
}

/**
 * A date typed in either calendar (docs/architecture.md "Dates"): the text is read in the chosen calendar, the
 * other calendar's reading is shown beneath as confirmation, and a day that does not exist (30 of a
 * 29-day Umm al-Qura month, 2025-02-30) is named as such and yields no value.
 */
export function DateInput({ label, value, onChange, onBlur, defaultCalendar = 'hijri', disabled, withAsterisk, error, ...rest }: Props) {
  const [calendar, setCalendar] = useState<DateCalendar>(defaultCalendar);
  const [text, setText] = useState(() => show(value, defaultCalendar));
  const [touched, setTouched] = useState(false);
  // The value this field last reported: a different one arriving from outside replaces the text.
  const reported = useRef<string | null>(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(show(value, calendar));
    }
  }, [value, calendar]);

  const trimmed = toAsciiDigits(text).trim();
  const parsed = trimmed ? parseDateInput(trimmed, calendar) : null;
  const invalid = trimmed !== '' && parsed === null;
  const showInvalid = invalid && (touched || COMPLETE.test(trimmed));

  const report = (next: string | null, isInvalid: boolean) => {
    reported.current = next;
    onChange(next, isInvalid);
  };

  const changeText = (t: string) => {
    setText(t);
    const s = toAsciiDigits(t).trim();
    const iso = s ? parseDateInput(s, calendar) : null;
    report(iso, s !== '' && iso === null);
  };

  const changeCalendar = (c: DateCalendar) => {
    setCalendar(c);
    if (parsed) setText(show(parsed, c));
    else if (trimmed) {
      const iso = parseDateInput(trimmed, c);
      report(iso, iso === null);
    }
  };

  const other = parsed ? (calendar === 'hijri' ? formatGregorian(parsed) : formatHijri(parsed)) : undefined;

  return (
    <TextInput
      label={label}
      value={text}
      onChange={(e) => changeText(e.currentTarget.value)}
      onBlur={() => {
        setTouched(true);
        onBlur?.();
      }}
      placeholder={calendar === 'hijri' ? ar.dates.hijriPlaceholder : ar.dates.gregorianPlaceholder}
      description={other}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={showInvalid ? ar.messages.dateInvalid : error}
      disabled={disabled}
      withAsterisk={withAsterisk}
      dir="ltr"
      className="tabular"
      rightSectionWidth={104}
      rightSection={
        <SegmentedControl
          size="xs"
          value={calendar}
          onChange={(v) => changeCalendar(v as DateCalendar)}
          disabled={disabled}
          aria-label={ar.dates.calendar}
          data={[
            { value: 'hijri', label: ar.dates.hijri },
            { value: 'gregorian', label: ar.dates.gregorian },
          ]}
        />
      }
      aria-label={rest['aria-label'] ?? label}
      data-testid={rest['data-testid']}
      data-calendar={calendar}
    />
  );
}

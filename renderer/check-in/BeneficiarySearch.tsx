import { Badge, Button, Group, Kbd, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { BeneficiaryHit, BeneficiarySearchHit } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { formatMobile } from '@shared/validation/mobile';
import { useScreenVisible, useScreenVisibleRef } from '../app/screen-visible';
import { useOp } from '../data/operations';
import { useOpenComplaintByNumber } from '../complaints/useOpenComplaintByNumber';
import { useOpenRequestByNumber } from '../requests/useOpenRequestByNumber';
import { TodayTicketBadge } from './TodayTicketBadge';
import { KEYS } from '../app/keymap';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  onPick: (b: BeneficiarySearchHit) => void;
  onEnrol: () => void;
  onWalkIn: () => void;
  /** The box itself, for the panel to give it the focus back (after the ticket dialog). */
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Without the new-file button (a contact is logged by name instead; Enter with no result still calls onEnrol). */
  noEnrolButton?: boolean;
}

/** One box: national ID / iqama, mobile in any spelling, or Arabic name fragments in any order. */
export function BeneficiarySearch({ query, onQuery, onPick, onEnrol, onWalkIn, inputRef, noEnrolButton }: Props) {
  const ownInput = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownInput;
  const text = query.trim();
  const search = useOp('beneficiaries.search', { text, limit: 8 }, { enabled: text.length >= 2, placeholderData: keepPreviousData, staleTime: 5_000 });
  const hits: BeneficiarySearchHit[] = text.length >= 2 ? (search.data ?? []) : [];
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [text]);
  // The hall shown (at sign-in, or back from another tab or a file): the next visitor is typed at once.
  const visible = useScreenVisible();
  const visibleNow = useScreenVisibleRef();
  useEffect(() => {
    if (visible) input.current?.focus();
  }, [visible, input]);
  useHotkeys([[KEYS.search.hotkey, () => visibleNow.current && input.current?.focus()]], []);
  const complaints = useOpenComplaintByNumber();
  const openRequest = useOpenRequestByNumber(complaints.follows ? complaints.orElse : undefined);

  // The answer for exactly what is typed: not the previous text's results kept on show, not a read still on its way.
  const settled = text.length >= 2 && search.isSuccess && !search.isPlaceholderData && !search.isFetching;
  // Enter pressed before that answer came (a quick typist, a busy server) acts on it when it comes, for the same text.
  const enterPendingFor = useRef<string | null>(null);
  const choose = () => {
    const hit = hits[active];
    if (hit) onPick(hit);
    else onEnrol();
  };
  useEffect(() => {
    if (!settled || enterPendingFor.current === null) return;
    const wanted = enterPendingFor.current;
    enterPendingFor.current = null;
    if (wanted === text) choose();
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // A request number (the receipt's QR code through a scanner) opens that request; an
      // acknowledgement number its complaint, for those who follow complaints up (P8).
      if (complaints.open(text) || openRequest(text)) return onQuery('');
      if (text.length < 2) return;
      if (settled) choose();
      else enterPendingFor.current = text;
    } else if (e.key === 'Escape') {
      onQuery('');
    }
  };

  const noResults = text.length >= 2 && search.isSuccess && !search.isPlaceholderData && hits.length === 0;

  return (
    <Stack gap="xs">
      <TextInput
        ref={input}
        size="md"
        label={ar.ui.searchLabel}
        placeholder={ar.ui.searchPlaceholder}
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        rightSection={search.isFetching ? <Loader size="xs" /> : <Kbd size="xs">{KEYS.search.label}</Kbd>}
        data-testid="search-input"
        aria-controls="search-results"
      />
      <Stack gap={4} id="search-results" role="listbox" aria-label={ar.ui.searchResults}>
        {hits.map((b, i) => (
          <UnstyledButton
            key={b.id}
            role="option"
            aria-selected={i === active}
            onClick={() => onPick(b)}
            onMouseEnter={() => setActive(i)}
            p="xs"
            data-testid="search-result"
            style={{
              borderRadius: 8,
              border: '1px solid var(--mantine-color-gray-3)',
              background: i === active ? 'var(--mantine-color-teal-0)' : undefined,
              borderColor: i === active ? 'var(--mantine-color-teal-5)' : undefined,
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" truncate>
                {b.fullName}
              </Text>
              {b.match !== 'name' && (
                <Badge size="xs" color="teal" className="tabular" data-testid="search-match">
                  {matchLabel(b)}
                </Badge>
              )}
            </Group>
            {b.todayVisit && <TodayTicketBadge visit={b.todayVisit} />}
            <Text size="xs" c="dimmed">
              {ar.idTypes[b.idType]}: <span className="ltr tabular">{b.idNumber}</span>
              {b.mobile && (
                <>
                  {' · '}
                  <span className="ltr tabular">{formatMobile(b.mobile)}</span>
                </>
              )}
              {b.fileNumber && ` · ${ar.ui.fileNumber} ${b.fileNumber}`}
            </Text>
          </UnstyledButton>
        ))}
        {noResults && (
          <Text size="sm" c="dimmed" data-testid="no-results">
            {ar.ui.noResults}
          </Text>
        )}
        {search.isError && (
          <Text size="sm" c="red">
            {search.error.message}
          </Text>
        )}
      </Stack>
      <Group grow gap="xs">
        {!noEnrolButton && (
          <Button variant={noResults ? 'filled' : 'light'} onClick={onEnrol} data-testid="register-new">
            {ar.ui.enrolNew}
          </Button>
        )}
        <Button variant="default" onClick={onWalkIn} data-testid="walk-in">
          {ar.ui.walkInVisitor}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {ar.ui.searchKeysHint}
      </Text>
    </Stack>
  );
}

/** How an exact hit was found; a request or acknowledgement number names it (Enter opens it). */
function matchLabel(b: BeneficiaryHit): string {
  if (b.match === 'request' && b.request) return fill(ar.ui.matchRequest, { number: b.request.number });
  if (b.match === 'complaint' && b.complaint) return fill(ar.ui.matchComplaint, { number: b.complaint.number });
  return b.match === 'id' ? ar.ui.matchId : b.match === 'file' ? ar.ui.matchFile : ar.ui.matchMobile;
}

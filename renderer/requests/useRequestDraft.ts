import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { RequestView } from '@shared/contract';
import { requestOperations } from '@shared/contract/requests';
import { call, type CallError } from '../transport/call';
import { useOpMutation } from '../data/operations';
import { useDraft } from '../ui/useDraft';

export interface DraftFields {
  serviceTypeId: number;
  description: string;
  requestedAmount: number | null;
}

/** The server's copy the local text is based on: the version sent with the next save. */
interface Synced {
  version: number;
  fields: DraftFields;
}

const SAVE_AFTER_MS = 700;

const fieldsOf = (v: RequestView): DraftFields => ({
  serviceTypeId: v.serviceTypeId,
  description: v.description ?? '',
  requestedAmount: v.requestedAmount,
});
/** What the core would refuse in these fields (a negative amount …), by the contract's own schema, per field. */
function draftProblems(fields: DraftFields): Record<string, string> {
  const parsed = requestOperations['requests.saveDraft'].input.safeParse({ requestId: 1, version: 0, ...fields });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const same = (a: DraftFields, b: DraftFields) =>
  a.serviceTypeId === b.serviceTypeId && a.description === b.description && a.requestedAmount === b.requestedAmount;

/**
 * The request's own fields, saved as typed (docs/architecture.md "Reliability"): a short pause in typing sends
 * them with the version they were based on. Another change to the request that leaves these fields
 * alone (a document ticked, a scan attached) only moves the version on; a change to these very
 * fields by someone else while this user types is refused by the core (its message names who), and
 * the typed text stays here — and in this machine's drafts — until the user keeps it or drops it.
 */
export function useRequestDraft(view: RequestView, editable: boolean) {
  const local = useDraft<{ version: number; base: DraftFields; fields: DraftFields }>(`request-${view.id}`);
  const [fields, setFields] = useState<DraftFields>(() => local.saved?.fields ?? fieldsOf(view));
  const [synced, setSynced] = useState<Synced>(() =>
    local.saved ? { version: local.saved.version, fields: local.saved.base } : { version: view.version, fields: fieldsOf(view) },
  );
  const [conflict, setConflict] = useState<CallError | null>(null);
  const dirty = !same(fields, synced.fields);
  // Typed but refused as it stands: shown on its field, kept here, and not sent until corrected.
  const problems = draftProblems(fields);
  const valid = Object.keys(problems).length === 0;

  const save = useOpMutation('requests.saveDraft', {
    onSuccess: (saved) => {
      setConflict(null);
      setSynced({ version: saved.version, fields: fieldsOf(saved) });
    },
    onError: (error) => {
      if (error.code === 'conflict') setConflict(error);
    },
  });

  const now = useRef({ fields, synced });
  now.current = { fields, synced };

  // A newer copy of the request arrived (this user's other actions, or another desk's).
  useEffect(() => {
    const { fields: f, synced: s } = now.current;
    const server = fieldsOf(view);
    if (view.version === s.version) return;
    if (same(server, s.fields)) {
      // Someone changed something else (a document, a scan): the text here is still based on the latest.
      setSynced({ version: view.version, fields: s.fields });
    } else if (same(f, s.fields)) {
      // Nothing typed here: take the other change as it is.
      setFields(server);
      setSynced({ version: view.version, fields: server });
    } else if (same(f, server)) {
      setSynced({ version: view.version, fields: server });
    }
    // Otherwise both changed the same fields: the next save is refused and the user chooses.
  }, [view]);

  // Kept on this machine while unsaved, so a crash or a closed window loses nothing.
  useEffect(() => {
    if (dirty) local.save({ version: synced.version, base: synced.fields, fields });
    else local.clear();
  }, [dirty, fields, synced, local]);

  const send = (version: number) => {
    if (save.isPending) return;
    save.mutate({
      requestId: view.id,
      version,
      serviceTypeId: fields.serviceTypeId,
      description: fields.description,
      requestedAmount: fields.requestedAmount,
    });
  };

  // The save sends the fields as they are when the pause ends; a change meanwhile starts the pause again.
  const sendNow = useEffectEvent((version: number) => send(version));
  useEffect(() => {
    if (!editable || !dirty || !valid || conflict || save.isPending) return;
    const t = setTimeout(() => sendNow(synced.version), SAVE_AFTER_MS);
    return () => clearTimeout(t);
  }, [editable, dirty, valid, conflict, save.isPending, fields, synced]);

  // Leaving the page mid-pause: send what is typed now rather than wait for the next visit.
  const latest = useRef({ fields, synced, dirty, valid, editable, conflict, requestId: view.id });
  latest.current = { fields, synced, dirty, valid, editable, conflict, requestId: view.id };
  useEffect(
    () => () => {
      const l = latest.current;
      if (!l.dirty || !l.valid || !l.editable || l.conflict) return;
      call('requests.saveDraft', { requestId: l.requestId, version: l.synced.version, ...l.fields })
        .then(() => local.clear())
        .catch(() => {});
    },
    [local],
  );

  return {
    fields,
    setFields: (patch: Partial<DraftFields>) => setFields((f) => ({ ...f, ...patch })),
    state: save.isPending ? ('saving' as const) : dirty ? ('unsaved' as const) : ('saved' as const),
    conflict,
    /** The message for a field the core would refuse as typed. */
    problem: (field: keyof DraftFields): string | undefined => problems[field],
    /** Save what is typed here over the other change, after the user has seen it. */
    keepMine: () => send(view.version),
    /** Drop what is typed here and show the saved request. */
    showSaved: () => {
      setConflict(null);
      setFields(fieldsOf(view));
      setSynced({ version: view.version, fields: fieldsOf(view) });
    },
    error: save.error && save.error.code !== 'conflict' ? save.error : null,
  };
}

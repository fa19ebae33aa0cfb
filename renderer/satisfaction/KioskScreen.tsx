import { Alert, Button, Checkbox, Text, Textarea } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView, SatisfactionPendingView } from '@shared/contract';
import { ASPECTS, KIOSK_IDLE_MS, SCORES, type Aspect } from '@shared/domain/satisfaction';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { Face } from './Face';
import css from './Kiosk.module.css';

const S = ar.satisfaction;
/** How long the thank-you stays before the kiosk is idle again. */
const THANKS_MS = 6_000;
/** How often the kiosk asks whether a visit was finished at its desk (changes elsewhere also refresh it). */
const PENDING_POLL_MS = 3_000;

type Step = { kind: 'idle' } | { kind: 'ask'; visit: SatisfactionPendingView } | { kind: 'thanks' };

/**
 * P6, P7: the visitor's kiosk of a desk. Idle until a visit is finished at the desk, then one question
 * (overall, faces), then optional aspects, a comment and a wish to be contacted. Back to idle by itself
 * after KIOSK_IDLE_MS without a touch, and after the thank-you. A visit skipped or rated is not asked
 * about again on this screen.
 */
export function KioskScreen({ device }: { device: DeviceView }) {
  const pending = useOp('satisfaction.pending', {}, { staleTime: 0, refetchInterval: PENDING_POLL_MS });
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const done = useRef(new Set<number>());

  const toIdle = useCallback(() => setStep({ kind: 'idle' }), []);
  const visit = pending.data;
  useEffect(() => {
    if (step.kind === 'idle' && visit && !done.current.has(visit.visitId)) setStep({ kind: 'ask', visit });
  }, [step.kind, visit]);

  // Back to idle after a while without a touch (the visitor walked away): that visit is not asked again.
  const [touched, setTouched] = useState(0);
  useEffect(() => {
    if (step.kind === 'idle') return;
    const timer = setTimeout(() => {
      if (step.kind === 'ask') done.current.add(step.visit.visitId);
      toIdle();
    }, step.kind === 'thanks' ? THANKS_MS : KIOSK_IDLE_MS);
    return () => clearTimeout(timer);
  }, [step, touched, toIdle]);

  return (
    <div className={css.page} data-testid="kiosk" data-step={step.kind} onPointerDown={() => setTouched((n) => n + 1)} onKeyDown={() => setTouched((n) => n + 1)}>
      <header className={css.head}>
        <Text fz={26} fw={700}>
          {device.associationName}
        </Text>
        <Text fz={20}>{device.desk.name}</Text>
      </header>
      <main className={css.body}>
        {step.kind === 'idle' && (
          <div data-testid="kiosk-idle">
            <div className={css.big}>{S.idleTitle}</div>
            <div className={css.hint}>{S.idleHint}</div>
          </div>
        )}
        {step.kind === 'ask' && (
          <RatingForm
            key={step.visit.visitId}
            visit={step.visit}
            onSent={() => {
              done.current.add(step.visit.visitId);
              setStep({ kind: 'thanks' });
            }}
          />
        )}
        {step.kind === 'thanks' && (
          <div data-testid="kiosk-thanks" role="status">
            <div className={css.big}>{S.thanks}</div>
            <div className={css.hint}>{S.thanksHint}</div>
          </div>
        )}
      </main>
      <footer className={css.foot} data-testid="kiosk-right">
        {S.rightSentence}
      </footer>
    </div>
  );
}

function RatingForm({ visit, onSent }: { visit: SatisfactionPendingView; onSent: () => void }) {
  const [overall, setOverall] = useState<number | null>(null);
  const [aspects, setAspects] = useState<Partial<Record<Aspect, number>>>({});
  const [comment, setComment] = useState('');
  const [contactMe, setContactMe] = useState(false);
  const submit = useOpMutation('satisfaction.submit', { onSuccess: onSent });
  const send = () => {
    // A second press while the first is on its way sends nothing more.
    if (overall === null || submit.isPending) return;
    submit.mutate({ visitId: visit.visitId, overall, aspects, comment: comment.trim() || undefined, contactMe, anonymous: !contactMe });
  };

  return (
    <>
      <div className={css.question} id="kiosk-question">
        {S.question}
        <Text fz={20} c="dimmed" fw={400}>
          {S.ticket} <span className="ltr">{visit.ticket}</span>
          {visit.about === 'delivery' && <span data-testid="kiosk-about-delivery">{` · ${S.aboutDelivery}`}</span>}
        </Text>
      </div>
      <div className={css.faces} role="radiogroup" aria-labelledby="kiosk-question" data-testid="kiosk-faces">
        {[...SCORES].reverse().map((score) => (
          <button
            key={score}
            type="button"
            role="radio"
            aria-checked={overall === score}
            aria-label={`${score}: ${S.scores[score]}`}
            className={css.face}
            onClick={() => setOverall(score)}
            data-testid={`kiosk-face-${score}`}
          >
            <Face score={score} size={overall === null || overall === score ? 110 : 90} />
            {S.scores[score]}
          </button>
        ))}
      </div>
      {overall !== null && (
        <div className={css.details} data-testid="kiosk-details">
          <div>
            <Text fz={24} fw={700} mb="sm">
              {S.aspectsTitle}
            </Text>
            <div className={css.aspects}>
              {ASPECTS.map((aspect) => (
                <AspectRow key={aspect} aspect={aspect} value={aspects[aspect]} onChange={(v) => setAspects((a) => ({ ...a, [aspect]: v }))} />
              ))}
            </div>
          </div>
          <div>
            <Textarea
              label={S.comment}
              placeholder={S.commentPlaceholder}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              maxRows={4}
              size="lg"
              data-testid="kiosk-comment"
            />
            <Checkbox mt="md" size="lg" label={S.contactMe} checked={contactMe} onChange={(e) => setContactMe(e.currentTarget.checked)} data-testid="kiosk-contact" />
            <Text fz={16} c="dimmed" mt={6}>
              {contactMe ? S.contactNote : S.anonymousNote}
            </Text>
            {submit.error && (
              <Alert color="red" mt="sm" data-testid="error-alert">
                {submit.error.message}
              </Alert>
            )}
            <Button size="xl" fullWidth mt="md" color="teal" onClick={send} loading={submit.isPending} data-testid="kiosk-send">
              {S.send}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

function AspectRow({ aspect, value, onChange }: { aspect: Aspect; value: number | undefined; onChange: (v: number) => void }) {
  const id = `aspect-${aspect}`;
  return (
    <>
      <span className={css.aspectName} id={id}>
        {S.aspects[aspect]}
      </span>
      <div className={css.scores} role="radiogroup" aria-labelledby={id}>
        {[...SCORES].reverse().map((score) => (
          <button
            key={score}
            type="button"
            role="radio"
            aria-checked={value === score}
            aria-label={`${S.aspects[aspect]} ${score}: ${S.scores[score]}`}
            className={css.score}
            onClick={() => onChange(score)}
            data-testid={`kiosk-${aspect}-${score}`}
          >
            <Face score={score} size={44} />
          </button>
        ))}
      </div>
    </>
  );
}

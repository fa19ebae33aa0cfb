import { Button } from '@mantine/core';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { DeviceView, HallCallView, HallDisplayView } from '@shared/contract';
import { formatGregorian, formatHijri, formatTime, formatWeekday } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { Announcer, CHIME_URL, warmVoices } from './announcer';
import classes from './HallDisplay.module.css';

/** The current calls shown large; any more desks serving at once are in the last calls beside them. */
const CURRENT_SHOWN = 3;
/** Read again now and then besides every change: the date turns at midnight with nobody calling. */
const REFRESH_MS = 30_000;

/**
 * The hall display (S1): the calls of every desk as they happen, large, the last five, how many wait,
 * the date in both calendars, the association's name and logo and the administrator's line. Each new
 * call is announced once — the chime, then the ticket and desk said in Arabic — in the order made.
 */
export function HallDisplay(_props: { device: DeviceView }) {
  const calls = useOp('display.calls', {}, { staleTime: 0, refetchInterval: REFRESH_MS, refetchIntervalInBackground: true });
  const chime = useRef<HTMLAudioElement>(null);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const announcer = useRef<Announcer | null>(null);
  useEffect(() => {
    warmVoices();
    announcer.current = new Announcer(chime.current!, () => setSoundBlocked(true));
  }, []);
  useAnnouncements(calls.data, announcer);

  const data = calls.data;
  // The chime is there from the first moment: the announcer holds it.
  const audio = <audio ref={chime} src={CHIME_URL} preload="auto" data-testid="hall-chime" />;
  if (!data) {
    return (
      <div className={classes.screen} data-testid="hall-display">
        {audio}
      </div>
    );
  }
  const [newest, ...others] = data.current.slice(0, CURRENT_SHOWN);
  return (
    <div className={classes.screen} data-testid="hall-display">
      {audio}
      <Header data={data} />
      <main className={classes.body}>
        <section className={classes.current} aria-label={ar.display.nowServing}>
          <h2 className={classes.panelTitle}>{ar.display.nowServing}</h2>
          {!newest && <div className={classes.empty}>{ar.display.noCalls}</div>}
          {newest && <CurrentCall call={newest} newest />}
          {others.map((c) => (
            <CurrentCall key={c.id} call={c} />
          ))}
        </section>
        <aside className={classes.side}>
          <section className={classes.recent} aria-label={ar.display.lastCalls}>
            <h2 className={classes.panelTitle}>{ar.display.lastCalls}</h2>
            {data.recent.map((c) => (
              <div key={c.id} className={classes.recentRow} data-testid="recent-call" data-ticket={c.ticket}>
                <span className={classes.recentTicket}>{c.ticket}</span>
                <span className={classes.recentDesk}>
                  {c.recall && <span className={classes.recalled}>{ar.display.recalled}</span>}
                  {c.desk}
                </span>
              </div>
            ))}
          </section>
          <div className={classes.waiting}>
            <span>{ar.display.waiting}</span>
            <span className={classes.waitingCount} data-testid="display-waiting">
              {data.waiting}
            </span>
          </div>
        </aside>
      </main>
      {data.message ? (
        <footer className={classes.message} data-testid="display-message">
          {data.message}
        </footer>
      ) : (
        <footer />
      )}
      {soundBlocked && (
        <Button
          className={classes.sound}
          size="xl"
          color="yellow"
          title={ar.display.soundHint}
          onClick={() => {
            setSoundBlocked(false);
            void chime.current?.play().catch(() => setSoundBlocked(true));
          }}
        >
          {ar.display.soundOn}
        </Button>
      )}
    </div>
  );
}

/**
 * Each call newer than the last one seen is announced once, oldest first. What was already called when
 * the screen opened is shown, not announced again.
 */
function useAnnouncements(data: HallDisplayView | undefined, announcer: RefObject<Announcer | null>) {
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (!data) return;
    const newest = data.recent[0]?.id ?? 0;
    if (seen.current === null) {
      seen.current = newest;
      return;
    }
    const fresh = data.recent.filter((c) => c.id > seen.current!).reverse();
    seen.current = Math.max(seen.current, newest);
    for (const call of fresh) void announcer.current?.announce(call);
  }, [data, announcer]);
}

function Header({ data }: { data: HallDisplayView }) {
  const now = useNow();
  return (
    <header className={classes.header}>
      <div className={classes.identity}>
        {data.associationLogoBase64 && <img className={classes.logo} src={logoSrc(data.associationLogoBase64)} alt="" />}
        <span className={classes.association}>{data.associationName}</span>
      </div>
      <div className={classes.when} data-testid="display-date">
        <div className={classes.hijri}>
          {formatWeekday(data.day, data.timeZone)} {formatHijri(data.day, data.timeZone)}
        </div>
        <div className={classes.gregorian}>
          {formatGregorian(data.day, data.timeZone)} · {formatTime(now, data.timeZone)}
        </div>
      </div>
    </header>
  );
}

function CurrentCall({ call, newest = false }: { call: HallCallView; newest?: boolean }) {
  return (
    <div className={`${classes.call} ${newest ? classes.newest : ''}`} data-testid="current-call" data-ticket={call.ticket}>
      <span className={classes.ticket}>{call.ticket}</span>
      <span className={classes.deskName}>
        <span className={classes.arrow}>{'← '}</span>
        {call.desk}
      </span>
    </div>
  );
}

/** The clock beside the date, to the minute. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The logo is PNG or JPEG (as the letterhead takes it), told apart by its first bytes. */
function logoSrc(base64: string): string {
  return `data:${base64.startsWith('/9j/') ? 'image/jpeg' : 'image/png'};base64,${base64}`;
}

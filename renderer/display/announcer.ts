import { ar, fill } from '@shared/labels/ar';

/** The chime, beside index.html in the build (Vite's publicDir: resources/sounds). */
export const CHIME_URL = './chime.wav';

/** What is announced: a ticket and the desk it is called to. Never a name. */
export interface Announcement {
  ticket: string;
  desk: string;
}

/** What an announcement did, for the settings' self-test to tell the administrator. */
export type Played = 'voice' | 'chime-only' | 'blocked';

/** Longest an announcement's chime or voice may take before the next one goes anyway (a stuck speech engine). */
const CHIME_MAX_MS = 4_000;
const VOICE_MAX_MS = 15_000;

/**
 * The hall display's voice (S1): each call plays the chime, then an Arabic voice of the operating
 * system says the ticket and the desk (speechSynthesis) where one is installed — Windows ships them;
 * with none the chime is all, and nothing is said or shown as an error. Announcements wait their turn:
 * two calls a moment apart are heard one after the other, never over each other.
 */
export class Announcer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly chime: HTMLAudioElement,
    private readonly onBlocked: () => void = () => {},
  ) {}

  announce(call: Announcement): Promise<Played> {
    const turn = this.queue.then(() => this.play(call));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async play(call: Announcement): Promise<Played> {
    this.chime.currentTime = 0;
    try {
      await this.chime.play();
    } catch {
      // The browser allows no sound before someone touches the page (the loopback shell's Chromium
      // opened without its flag): the display says so, and the voice would be refused the same way.
      this.onBlocked();
      return 'blocked';
    }
    await ended(this.chime, CHIME_MAX_MS);
    const voice = arabicVoice();
    if (!voice) return 'chime-only';
    await speak(fill(ar.display.announce, { ticket: spokenTicket(call.ticket), desk: call.desk }), voice);
    return 'voice';
  }
}

/** «A-007» is said as «A 7»: the letter, then the number without its leading zeros. */
export function spokenTicket(ticket: string): string {
  return ticket.replace(/-0*(\d+)$/, ' $1');
}

function arabicVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('ar')) ?? null;
}

/** The voices arrive after the page loads in Chromium: asking once early lets them be listed by the first call. */
export function warmVoices(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
}

function ended(audio: HTMLAudioElement, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      audio.removeEventListener('ended', done);
      audio.removeEventListener('error', done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    audio.addEventListener('ended', done);
    audio.addEventListener('error', done);
  });
}

function speak(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    const timer = setTimeout(resolve, VOICE_MAX_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    utterance.onend = done;
    utterance.onerror = done;
    speechSynthesis.speak(utterance);
  });
}

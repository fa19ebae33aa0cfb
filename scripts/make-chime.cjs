#!/usr/bin/env node
/**
 * Writes resources/sounds/chime.wav: the hall display's two-note chime before each call (S1),
 * synthesized here from sine partials with a bell's decay — our own sound, free of any licence.
 * `node scripts/make-chime.cjs` writes the same bytes every time; the file is committed.
 */
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const RATE = 22_050;
/** Two notes, high then low (E5, C5), each with the partials of a soft bell. */
const NOTES = [
  { start: 0, hz: 659.25 },
  { start: 0.42, hz: 523.25 },
];
const PARTIALS = [
  { ratio: 1, gain: 1 },
  { ratio: 2, gain: 0.35 },
  { ratio: 3, gain: 0.12 },
];
const SECONDS = 1.6;
const DECAY = 3.2; // per second
const ATTACK = 0.006; // seconds, no click at the onset

const samples = new Float64Array(Math.round(RATE * SECONDS));
for (const note of NOTES) {
  const from = Math.round(note.start * RATE);
  for (let i = from; i < samples.length; i++) {
    const t = (i - from) / RATE;
    const envelope = Math.min(1, t / ATTACK) * Math.exp(-DECAY * t);
    let v = 0;
    for (const p of PARTIALS) v += p.gain * Math.sin(2 * Math.PI * note.hz * p.ratio * t) * Math.exp(-DECAY * (p.ratio - 1) * t);
    samples[i] += envelope * v;
  }
}
let peak = 0;
for (const s of samples) peak = Math.max(peak, Math.abs(s));
// The last 50 ms fade to silence: the file ends without a click.
const fade = Math.round(0.05 * RATE);
const pcm = Buffer.alloc(samples.length * 2);
samples.forEach((s, i) => {
  const tail = Math.min(1, (samples.length - 1 - i) / fade);
  pcm.writeInt16LE(Math.round((s / peak) * 0.8 * tail * 32767), i * 2);
});

const header = Buffer.alloc(44);
header.write('RIFF', 0, 'ascii');
header.writeUInt32LE(36 + pcm.length, 4);
header.write('WAVE', 8, 'ascii');
header.write('fmt ', 12, 'ascii');
header.writeUInt32LE(16, 16); // PCM chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28); // bytes per second
header.writeUInt16LE(2, 32); // block align
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36, 'ascii');
header.writeUInt32LE(pcm.length, 40);

const dir = join(__dirname, '..', 'resources', 'sounds');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'chime.wav'), Buffer.concat([header, pcm]));
console.log(`chime.wav: ${SECONDS} s, ${RATE} Hz, ${header.length + pcm.length} bytes`);

#!/usr/bin/env node
/**
 * `node scripts/queue-voice.mjs`: the calling screen's spoken clips, synthesised offline with
 * espeak-ng's Vietnamese voice and committed under src-renderer/public/voice/ (the screen plays
 * them with Web Audio, so no speech engine or internet is needed in the counter room).
 *
 * "Mời công dân có số 015 đến quầy số 2" is put together from: the two phrases, the ten digits
 * (ticket numbers are read digit by digit, as queue systems do: "không một năm"), and the counter
 * numbers 1–20 read as numbers ("hai", "mười hai"). Each clip is trimmed of silence and kept as
 * 11 025 Hz 8-bit mono WAV (telephone quality is enough for a voice over a TV's speaker and
 * keeps the whole set small); Chromium decodes it with decodeAudioData.
 *
 * Re-run only to change the voice or the words; the output is deterministic for one espeak-ng.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OUT = path.join(import.meta.dirname, '..', 'src-renderer', 'public', 'voice');
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const COUNTERS = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai', 'mười ba', 'mười bốn', 'mười lăm', 'mười sáu', 'mười bảy', 'mười tám', 'mười chín', 'hai mươi'];

const clips = {
  invite: 'Mời công dân có số',
  'to-counter': 'đến quầy số',
  ...Object.fromEntries(DIGITS.map((w, i) => [`d${i}`, w])),
  ...Object.fromEntries(COUNTERS.map((w, i) => [`c${i + 1}`, w])),
};

/** 16-bit PCM samples of a canonical espeak-ng WAV. */
function readWav(buf) {
  let p = 12;
  let rate = 0;
  while (p < buf.length) {
    const id = buf.toString('ascii', p, p + 4);
    const size = buf.readUInt32LE(p + 4);
    if (id === 'fmt ') rate = buf.readUInt32LE(p + 12);
    if (id === 'data') return { rate, samples: new Int16Array(buf.buffer.slice(buf.byteOffset + p + 8, buf.byteOffset + p + 8 + size)) };
    p += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

function trim(samples, threshold = 400) {
  let a = 0;
  let b = samples.length - 1;
  while (a < b && Math.abs(samples[a]) < threshold) a++;
  while (b > a && Math.abs(samples[b]) < threshold) b--;
  // A short tail keeps the last syllable from sounding cut off.
  return samples.subarray(Math.max(0, a - 200), Math.min(samples.length, b + 1200));
}

function writeWav8(file, samples, rate) {
  const data = Buffer.alloc(samples.length);
  for (let i = 0; i < samples.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(samples[i] / 256) + 128));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([h, data]));
}

fs.mkdirSync(OUT, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-'));
let total = 0;
for (const [name, text] of Object.entries(clips)) {
  const wav = path.join(tmp, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', 'vi', '-s', '140', '-w', wav, text]);
  const { rate, samples } = readWav(fs.readFileSync(wav));
  const trimmed = trim(samples);
  // Halve the rate by averaging pairs (espeak-ng speaks at 22 050 Hz).
  const half = new Int16Array(Math.floor(trimmed.length / 2));
  for (let i = 0; i < half.length; i++) half[i] = (trimmed[2 * i] + trimmed[2 * i + 1]) >> 1;
  const file = path.join(OUT, `${name}.wav`);
  writeWav8(file, half, rate / 2);
  total += fs.statSync(file).size;
}
fs.rmSync(tmp, { recursive: true });
console.log(`${Object.keys(clips).length} clips, ${(total / 1024).toFixed(0)} KiB in ${path.relative(process.cwd(), OUT)}`);

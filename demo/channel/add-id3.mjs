// Puts an ID3 TXXX frame described `livecart-product` at the start of each fMP4 segment,
// inside an emsg box (scheme https://aomedia.org/emsg/ID3), naming the product on screen.
// Used by make-fixtures.sh for the ID3 fixture; hls.js turns these into metadata cues.
//   node demo/channel/add-id3.mjs <dir with init.mp4 and NN.m4s>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOOP_SEGMENTS, SEGMENT_SECONDS, SHOW_PRODUCTS, SLOT_SECONDS } from './live-channel.mjs';

const dir = process.argv[2];
const u32 = (n) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const syncsafe = (n) => Buffer.from([(n >> 21) & 127, (n >> 14) & 127, (n >> 7) & 127, n & 127]);

function id3Txxx(description, value) {
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(`${description}\0${value}`, 'utf8')]);
  const frame = Buffer.concat([Buffer.from('TXXX'), syncsafe(body.length), Buffer.from([0, 0]), body]);
  return Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0]), syncsafe(frame.length), frame]);
}

function emsgV0(message, durationSeconds) {
  const timescale = 1000;
  const payload = Buffer.concat([
    Buffer.from([0, 0, 0, 0]), // version 0, flags
    Buffer.from('https://aomedia.org/emsg/ID3\0'),
    Buffer.from('\0'),
    u32(timescale),
    u32(0), // presentation_time_delta: at the segment's start
    u32(durationSeconds * timescale),
    u32(0),
    message,
  ]);
  return Buffer.concat([u32(payload.length + 8), Buffer.from('emsg'), payload]);
}

const segments = readdirSync(dir).filter((f) => /^\d+\.m4s$/.test(f)).sort();
if (segments.length !== LOOP_SEGMENTS) throw new Error(`expected ${LOOP_SEGMENTS} segments in ${dir}`);
for (const [n, file] of segments.entries()) {
  const product = SHOW_PRODUCTS[Math.floor((n * SEGMENT_SECONDS) / SLOT_SECONDS)];
  const path = join(dir, file);
  writeFileSync(path, Buffer.concat([emsgV0(id3Txxx('livecart-product', product), SEGMENT_SECONDS), readFileSync(path)]));
}
console.log(`tagged ${segments.length} segments in ${dir}`);

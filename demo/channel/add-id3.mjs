// Puts an ID3 TXXX frame at the start of fMP4 segments, inside an emsg box (scheme
// https://aomedia.org/emsg/ID3); hls.js turns these into metadata cues. Used by
// make-fixtures.sh for two fixtures:
//   node demo/channel/add-id3.mjs <dir with init.mp4 and NN.m4s>
//     every segment: a frame described `livecart-product` naming the product on screen;
//   node demo/channel/add-id3.mjs <dir> providers
//     six segments (12 s) tagged as AWS pipelines tag them: frames with an empty
//     description whose value is what IVS PutMetadata was given (JSON) or what a MediaLive
//     ID3 segment-tagging action wrote (plain text), ours and not ours mixed;
//   node demo/channel/add-id3.mjs <dir> burst
//     four segments (8 s) with a frame every 10 ms: for 4 s alternating between two
//     products, then the same product repeated (the abuse suite's "no flicker" stream).
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

function emsgV0(message, durationSeconds, atSeconds = 0) {
  const timescale = 1000;
  const payload = Buffer.concat([
    Buffer.from([0, 0, 0, 0]), // version 0, flags
    Buffer.from('https://aomedia.org/emsg/ID3\0'),
    Buffer.from('\0'),
    u32(timescale),
    u32(Math.round(atSeconds * timescale)), // presentation_time_delta: from the segment's start
    u32(Math.round(durationSeconds * timescale)),
    u32(0),
    message,
  ]);
  return Buffer.concat([u32(payload.length + 8), Buffer.from('emsg'), payload]);
}

/**
 * By segment, in the `providers` fixture: the picture shows aurora-jacket for 0–6 s,
 * ember-mug for 6–12 s. The first frame is sent twice, as a producer repeats it for viewers
 * who join late (and hls.js 1.7 drops the emsg of the first fMP4 fragment it loads).
 */
const PROVIDER_FRAMES = [
  '{"product":"aurora-jacket"}', // IVS PutMetadata, JSON
  '{"product":"aurora-jacket"}',
  '{"question":"Which colour?","options":["teal","sand"]}', // IVS: a poll, not ours
  'Chapter 2: the Ember mug', // MediaLive: chapter text, not ours
  'ember-mug', // MediaLive: a plain product id (in the catalog)
  '{"product":"ember-mug","note":"host holds it up"}', // IVS, with other fields
];

/** The `burst` fixture: a frame every BURST_MS; segments 0–1 alternate, 2–3 repeat one product. */
const BURST_MS = 10;
const BURST_SEGMENTS = 4;
const burstFrames = (n) =>
  Array.from({ length: (SEGMENT_SECONDS * 1000) / BURST_MS }, (_, k) => {
    const product = n < BURST_SEGMENTS / 2 && k % 2 ? 'aurora-jacket' : 'ember-mug';
    return emsgV0(id3Txxx('livecart-product', product), BURST_MS / 1000, (k * BURST_MS) / 1000);
  });

const mode = process.argv[3];
const providers = mode === 'providers';
const segments = readdirSync(dir).filter((f) => /^\d+\.m4s$/.test(f)).sort();
const expected = providers ? PROVIDER_FRAMES.length : mode === 'burst' ? BURST_SEGMENTS : LOOP_SEGMENTS;
if (segments.length !== expected) throw new Error(`expected ${expected} segments in ${dir}`);
for (const [n, file] of segments.entries()) {
  if (mode === 'burst') {
    const path = join(dir, file);
    writeFileSync(path, Buffer.concat([...burstFrames(n), readFileSync(path)]));
    continue;
  }
  const frame = providers
    ? PROVIDER_FRAMES[n] && id3Txxx('', PROVIDER_FRAMES[n])
    : id3Txxx('livecart-product', SHOW_PRODUCTS[Math.floor((n * SEGMENT_SECONDS) / SLOT_SECONDS)]);
  const path = join(dir, file);
  if (frame) writeFileSync(path, Buffer.concat([emsgV0(frame, SEGMENT_SECONDS), readFileSync(path)]));
}
console.log(`tagged ${segments.length} segments in ${dir}`);

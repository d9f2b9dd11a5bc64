import { expect } from '@open-wc/testing';
import { engine, type Engine } from '../engine.js';
import { probe } from '../fixtures/engine-probe.js';

/**
 * What each engine of the suite offers of what livecart uses, as measured on Debian's
 * Chromium, Firefox ESR and WebKitGTK 2.50 (docs/browsers.md's table). A
 * browser update that changes an answer fails here, so the table and the exclusions in
 * test/webkit-exclusions.mjs get looked at again.
 */
const chromium: ReturnType<typeof probe> = {
  'MediaSource (H.264/AAC)': true,
  ManagedMediaSource: false,
  'native HLS (canPlayType)': 'maybe',
  'video PiP (pictureInPictureEnabled)': true,
  webkitSetPresentationMode: false,
  "webkitSupportsPresentationMode('picture-in-picture')": false,
  'Document PiP': true,
  'Media Session': true,
  'container queries': true,
  'adopted style sheets': true,
  requestVideoFrameCallback: true,
  'touch events': false,
  DataCue: false,
};
const expected: Record<Engine, ReturnType<typeof probe>> = {
  chromium,
  // As Chromium, but no native HLS.
  firefox: { ...chromium, 'native HLS (canPlayType)': 'no' },
  webkit: {
    'MediaSource (H.264/AAC)': true,
    ManagedMediaSource: true,
    'native HLS (canPlayType)': 'no',
    'video PiP (pictureInPictureEnabled)': false,
    webkitSetPresentationMode: false,
    "webkitSupportsPresentationMode('picture-in-picture')": false,
    'Document PiP': false,
    'Media Session': true,
    'container queries': true,
    'adopted style sheets': true,
    requestVideoFrameCallback: true,
    'touch events': false,
    DataCue: true,
  },
};

describe('what this engine offers livecart', () => {
  it(`matches docs/browsers.md's table for ${engine}`, () => {
    const found = probe();
    console.log(`${engine}: ${JSON.stringify(found)}`);
    expect(found).to.deep.equal(expected[engine]);
  });
});

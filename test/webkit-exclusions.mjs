/**
 * Tests that cannot run in WebKitGTK, by mocha full title (a suite's title excludes all
 * of it), each with the reason: what WebKitGTK lacks that Safari has, or what WebDriver
 * cannot do that playwright and puppeteer can. Applied by test/engine.ts in WebKit only;
 * the same tests run in Chromium and Firefox, and what covers each path in WebKit instead
 * is said in docs/browsers.md. Read by test/web-test-runner.config.mjs, which
 * prints it at every WebKit run.
 */
const noDocumentPip = 'WebKitGTK has no Document Picture-in-Picture (neither has Safari); the floating rung it takes instead is tested by test/media/apple-paths.test.ts';
const noVideoPip =
  'WebKitGTK reports pictureInPictureEnabled false and has no webkitSetPresentationMode (Safari has both); the fall-through from a refused video PiP is tested by test/media/apple-paths.test.ts in every engine';

/**
 * Measured in WebKitGTK 2.50.6 with GStreamer 1.22 (Debian 12): the live channel stalls a few seconds in, in 3
 * of 4 runs. The video is really stuck (currentTime stays at about 8 s, readyState 1–2), so
 * `buffering` is the right state: hls.js appends each fragment, the video SourceBuffer's
 * buffered range grows, the audio one stays at its first 2 s fragment (hls.js reports
 * bufferAppendNoProgress for every audio append after it, then bufferStalledError). The
 * same fMP4 AAC plays on in Chromium and Firefox; WebKitGTK demuxes it in its own GStreamer
 * append pipeline, where Safari uses AVFoundation, so this is not known for Safari.
 */
const mseAudioStall =
  "WebKitGTK's GStreamer MSE stops taking hls.js's audio fragments after the first (audio buffered stays at ~6–8 s, bufferAppendNoProgress), so the live channel stalls at ~8 s in 3 of 4 runs (measured: the comment on mseAudioStall in test/webkit-exclusions.mjs)";

/** Both resume tests (the show's next page loaded in an iframe of the test page). */
const resumeFails =
  'in WebKitGTK the player resumed on the next page mostly ends in state `error`: its <video> fires MEDIA_ERR_SRC_NOT_SUPPORTED after hls.js has fetched the first 180p and 360p fragments into its ManagedMediaSource (measured 2026-12-01 with the test alone, earlier tests of its file skipped: failed in 3 of 4 runs; with the seek to the saved time left out, 1 of 4), where the same player on the show page, with no seek, plays. The resume itself plays in WebKit: "resumes a replay on the next page at its saved time" in the same file loads the product page with a saved show and passed 4 of 4 runs (2026-12-02); what fails is the resume right after the frame navigated away from a playing show page. Not diagnosed further, and unknown for Safari';

export const webkitExclusions = {
  'a page back from the back/forward cache takes the cart another tab stored while it was away (a real navigation away and back)':
    'opens a second window (window.open) and drives it over a BroadcastChannel; under WebKitWebDriver the window never answered (timed out waiting for the tab, 2026-12-02); the pageshow re-read itself runs in WebKit in the next test, with a dispatched PageTransitionEvent',
  'back to the show (link-target="_self") Back from the product page (a fresh load of the show page) plays on where the shopper was, then clears the entry':
    `waits for the resumed mini player on the product page to play first: ${resumeFails} (this test failed three tries in a clean-clone CI run, 2026-12-02)`,
  '<buy-now-button> a real click opens the product page and puts the show in picture-in-picture, in one gesture': noDocumentPip,
  '<buy-now-button> a real click opens nothing and stays inline when the event is cancelled':
    'asserts documentPictureInPicture.window is null, and WebKitGTK has no documentPictureInPicture',
  '<buy-now-button> with a cart a real click on checkout asks for picture-in-picture first, then opens the checkout in a new tab without opener':
    noDocumentPip,
  'picture-in-picture ladder 1. Document PiP: the video and the product card move to the PiP window, and come back playing': noDocumentPip,
  'picture-in-picture ladder a buy in the Document PiP window adds to the cart when the page has one, like a buy button': noDocumentPip,
  'picture-in-picture ladder 2. video PiP where Document PiP does not exist': noVideoPip,
  'picture-in-picture ladder a refused request falls back to the floating player and says why':
    'refuses Document PiP by replacing documentPictureInPicture.requestWindow, which WebKitGTK does not have; the same fall-through from a refused video PiP runs in WebKit in test/media/apple-paths.test.ts',
  '<pip-player> answers the player keys: Space, M and P': `its P key expects Document PiP: ${noDocumentPip}`,
  '<cart-view> opens from <live-stream>, traps focus while open, and returns it to the cart button':
    'holds Shift with sendKeys({ down }), and @web/test-runner-webdriver supports only press and type',
  'keeping the show running across the page with link-target="_self", resumes the show on the next page as a floating mini player':
    resumeFails,
  'continuity="frame": the show keeps playing across same-site pages a target=_top link in the framed page leaves the show page, and the show resumes on the next page':
    `${resumeFails}; the leaving itself (show saved, tab navigated) runs in WebKit in the other-site and refused-framing tests of the same file`,
  "from the producer console to a viewer behind live changes the viewer's product when its playing program date-time reaches the click, not when the event arrives":
    `needs the live channel to play on 8 s behind its edge (it timed out waiting for that in WebKitGTK in 2 of 3 full runs, retried): ${mseAudioStall}; the frame-accurate change from an event stream runs in WebKit in test/media/live-schedule.test.ts (82 ms after the frame)`,
  '<live-stream> follows the live channel from one product to the next': `needs 6 s of live playback: ${mseAudioStall}; the cue boundary it also crosses is tested in every engine by test/media/product-sources.test.ts ("at a boundary")`,
  '<live-stream> announces one change when the cues flicker around a boundary': `needs 12 s of live playback: ${mseAudioStall}`,
  '<pip-player> follows the live channel as it advances': `needs the video to play across a playlist reload: ${mseAudioStall}; the state stays \`buffering\` there because the video is really stuck`,
  '<show-console> features with number keys 1–9 and clears with 0, in its own show at once':
    'holds Control with sendKeys({ down }) to check that chords are left to the browser, and @web/test-runner-webdriver supports only press and type; the keys themselves are plain keydown handling, the same in every engine',
  'the demo producer page, built static features in its preview only, with no publish URL and no schedule left on either page':
    "flaky in WebKitGTK before this session too: alone it failed 2 of 3 runs on ef85330 and 2 of 3 on 38969df ('timed out waiting for the preview to follow'), and once in a full run; it passed in the three full CI runs of 2026-12-02. Not diagnosed; likely the preview's live channel (its stream's product tags, stalled by the MSE audio stall above) deciding the banner over the console's feature. The preview following the console runs in Chromium and Firefox",
  '<show-console> fits a phone: one column, the big button on a row of its own':
    "a 360 px viewport: MiniBrowser's window cannot be made narrower than 447 CSS px (see the phone-sized suite below)",
  "a JSON schedule re-read while live picks up an entry added during the show (ETag, 304s meanwhile) and applies it at the viewer's frame":
    "WebKitGTK under WebDriver keeps no HTTP cache: its cache: 'no-cache' re-reads carry Cache-Control: max-age=0 and no If-None-Match (seen in the test server's log), so none can be answered 304; the re-read itself (failing then recovering, on arrival, stopping on disconnect) and the frame-accurate change (the SSE tests) run in WebKit",
  'on a phone-sized screen (390×844)':
    "MiniBrowser's window cannot be made narrower than 447 CSS px (its GTK window's minimum), so no 390 px viewport over WebDriver; the tap-to-unmute test beside it runs in WebKit",
};

/**
 * Reads the product on screen from a video's metadata text tracks, so that hls.js and
 * native HLS playback behave alike and the product changes when the frame that carries
 * it is shown, not when the playlist arrives. Two cue shapes carry a product id:
 * - `#EXT-X-DATERANGE` attribute `X-PRODUCT-ID` (hls.js and Safari: `{ key, data }`);
 * - ID3 `TXXX` frames described `livecart-product` (`{ key: 'TXXX', info, data }`).
 */
export function productIdOfCue(cue: TextTrackCue): string | null {
  const value = (cue as TextTrackCue & { value?: { key?: string; info?: string; data?: unknown } }).value;
  if (!value || typeof value.data !== 'string') return null;
  if (value.key === 'X-PRODUCT-ID') return value.data;
  if (value.key === 'TXXX' && value.info === 'livecart-product') return value.data;
  return null;
}

/** Of the active cues, the product of the one that began last; null when none. */
export function activeProductId(tracks: TextTrackList): string | null {
  let best: { id: string; start: number } | null = null;
  for (const track of Array.from(tracks)) {
    if (track.kind !== 'metadata' || !track.activeCues) continue;
    for (const cue of Array.from(track.activeCues)) {
      const id = productIdOfCue(cue);
      if (id !== null && (!best || cue.startTime >= best.start)) best = { id, start: cue.startTime };
    }
  }
  return best?.id ?? null;
}

/**
 * How long a change must hold before it counts. Cue times computed from program
 * date-times are adjusted as playlists arrive, so around a boundary (and at start-up) the
 * active cue can flip to a neighbour and back within a few tens of milliseconds; the
 * banner, the screen reader and analytics should see one change, not three. "No product"
 * waits longer: back-to-back cues can leave a gap between one's end and the next's start.
 */
const SETTLE_MS = 120;
const GAP_GRACE_MS = 400;

/**
 * Calls `onChange` with the product on screen each time it changes. Returns the
 * function that stops watching.
 */
export function watchProductCues(video: HTMLVideoElement, onChange: (id: string | null) => void): () => void {
  const abort = new AbortController();
  const { signal } = abort;
  let current: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer));
  const settle = () => {
    const id = activeProductId(video.textTracks);
    if (id !== current) onChange((current = id));
  };
  const update = () => {
    clearTimeout(timer);
    const id = activeProductId(video.textTracks);
    if (id === current) return;
    timer = setTimeout(settle, id === null ? GAP_GRACE_MS : SETTLE_MS);
  };
  const watch = (track: TextTrack) => {
    if (track.kind !== 'metadata') return;
    // Cues only fire cuechange on tracks that are not disabled.
    if (track.mode === 'disabled') track.mode = 'hidden';
    track.addEventListener('cuechange', update, { signal });
  };
  Array.from(video.textTracks).forEach(watch);
  video.textTracks.addEventListener('addtrack', (event) => event.track && watch(event.track), { signal });
  return () => abort.abort();
}

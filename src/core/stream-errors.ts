import type { ErrorData } from 'hls.js/light';

/**
 * hls.js error details (`manifestLoadError`, `bufferAppendError`, …) in words a shopper
 * understands; the element shows them under "The video could not be played." and the
 * console warning adds what a developer should do. Detail names are hls.js's
 * `ErrorDetails` values (strings: this file must not import hls.js itself).
 */
export function describeHlsError(data: Pick<ErrorData, 'type' | 'details' | 'response'>, src: string): string {
  const status = data.response?.code ?? 0;
  const loading = /LoadError$|LoadTimeOut$/i.test(data.details);
  if (loading && /TimeOut$/i.test(data.details)) return 'the video server did not answer in time';
  if (loading && status) return httpProblem(status);
  if (loading) return unreachable(src);
  if (data.details === 'manifestParsingError') return 'the address does not lead to an HLS video playlist';
  if (data.details === 'levelEmptyError') return 'the video playlist lists no video';
  if (/^key|keySystem/.test(data.details)) return 'the video is encrypted and could not be unlocked';
  if (data.details === 'manifestIncompatibleCodecsError' || data.type === 'mediaError') return 'this browser cannot play the video’s format';
  return 'the video stopped and could not be recovered';
}

/** A `<video>`'s own MediaError (MP4, or native HLS) in the same words. */
export function describeMediaError(error: MediaError, src: string): string {
  if (error.code === MediaError.MEDIA_ERR_NETWORK) return unreachable(src);
  if (error.code === MediaError.MEDIA_ERR_DECODE) return 'this browser cannot play the video’s format';
  if (error.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) return 'the video was not found, or this browser cannot play its format';
  return 'the video stopped and could not be recovered';
}

function httpProblem(status: number): string {
  if (status === 404 || status === 410) return `the video was not found (HTTP ${status})`;
  if (status === 401 || status === 403) return `the video server refused access (HTTP ${status})`;
  if (status >= 500) return `the video server failed (HTTP ${status})`;
  return `the video server answered HTTP ${status}`;
}

/**
 * No HTTP status at all: the request never got an answer the page may read. From another
 * origin that is most often a missing CORS header, so say so.
 */
function unreachable(src: string): string {
  const crossOrigin = new URL(src, document.baseURI).origin !== location.origin;
  return crossOrigin
    ? 'the video server did not allow this page to read the video (likely a missing CORS header, Access-Control-Allow-Origin)'
    : 'the video could not be reached (network error)';
}

import { expect } from '@open-wc/testing';
import { describeHlsError, describeMediaError } from '../../src/core/stream-errors.js';

const here = '/channel/live.m3u8';
const elsewhere = `http://127.0.0.1:${location.port}/channel/live.m3u8`;

describe('stream errors in plain words', () => {
  const cases: [string, Parameters<typeof describeHlsError>[0], string, RegExp][] = [
    ['a 404 manifest', { type: 'networkError', details: 'manifestLoadError', response: { code: 404, text: '' } } as never, here, /^the video was not found \(HTTP 404\)$/],
    ['a 403 segment', { type: 'networkError', details: 'fragLoadError', response: { code: 403, text: '' } } as never, here, /refused access \(HTTP 403\)/],
    ['a 503 playlist', { type: 'networkError', details: 'levelLoadError', response: { code: 503, text: '' } } as never, here, /server failed \(HTTP 503\)/],
    ['status 0 from another origin', { type: 'networkError', details: 'manifestLoadError', response: { code: 0, text: '' } } as never, elsewhere, /likely a missing CORS header/],
    ['status 0 from this origin', { type: 'networkError', details: 'manifestLoadError' } as never, here, /could not be reached \(network error\)/],
    ['a timeout', { type: 'networkError', details: 'manifestLoadTimeOut' } as never, here, /did not answer in time/],
    ['not a playlist', { type: 'networkError', details: 'manifestParsingError' } as never, here, /not lead to an HLS video playlist/],
    ['codecs', { type: 'mediaError', details: 'bufferAppendError' } as never, here, /cannot play the video’s format/],
    ['anything else', { type: 'otherError', details: 'internalException' } as never, here, /could not be recovered/],
  ];
  for (const [what, data, src, words] of cases) {
    it(`says ${what} in words, never in hls.js codes`, () => {
      const message = describeHlsError(data, src);
      expect(message).to.match(words);
      expect(message).not.to.match(/[a-z][A-Z]|Error|TimeOut/);
    });
  }

  it('says the video element’s own errors in the same words', () => {
    const error = (code: number) => ({ code, message: '' }) as MediaError;
    expect(describeMediaError(error(MediaError.MEDIA_ERR_NETWORK), here)).to.match(/network error/);
    expect(describeMediaError(error(MediaError.MEDIA_ERR_DECODE), here)).to.match(/format/);
    expect(describeMediaError(error(MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED), here)).to.match(/not found, or/);
  });
});

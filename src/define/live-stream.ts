import { LiveStream } from '../elements/live-stream/live-stream.js';
import './pip-player.js';
import './shop-carousel.js';
import { define } from '../platform/define-element.js';

define('live-stream', LiveStream);
export { LiveStream };

import { PipPlayer } from '../elements/pip-player/pip-player.js';
import { define } from './define.js';

define('pip-player', PipPlayer);
export { PipPlayer };

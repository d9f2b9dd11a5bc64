import { ShowConsole } from '../elements/show-console/show-console.js';
import { define } from './define.js';

define('show-console', ShowConsole);
export { ShowConsole };

import { ShowConsole } from '../elements/show-console/show-console.js';
import { define } from '../platform/define-element.js';

define('show-console', ShowConsole);
export { ShowConsole };

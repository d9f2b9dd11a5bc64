import { ShowChat } from '../elements/show-chat/show-chat.js';
import { define } from '../platform/define-element.js';

define('show-chat', ShowChat);
export { ShowChat };

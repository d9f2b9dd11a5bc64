// The script-tag entry of a standalone chat, dist/show-chat.js: `<show-chat show chat>`
// anywhere on a page (a `<live-stream chat>` fetches the same file by itself). It imports
// the shoppers' entry, so that what they share stays in dist/livecart.js.
import './index.js';

export { ShowChat } from './define/show-chat.js';

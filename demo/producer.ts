// The producer's page: the console beside a preview of the show. A retailer's page would
// `import 'livecart/show-console'` (or load dist/show-console.js); the demo uses the source.
import { configure } from 'livecart';
import '../src/define/show-console.js';
import { startPageLook } from './page-look.js';

startPageLook();

const producerConsole = document.querySelector('show-console')!;
const format = document.querySelector<HTMLSelectElement>('#format select')!;

// The demo hub takes JSON, or a Mercure form with its fixed demo token; its moderation
// (`moderate`, the console's chat) wants that token too, and takes it from here unless the
// console's `token` property is set. A real page gets a short-lived publisher token from its
// own back end: configure({ publishToken: () => fetch(...) }).
configure({ publishToken: 'demo-publisher-token' });
format.addEventListener('change', () => {
  producerConsole.publishFormat = format.value === 'mercure' ? 'mercure' : 'json';
  producerConsole.topic = format.value === 'mercure' ? 'https://fjellvik.example/shows/winter-trail' : '';
});

// The script-tag entry of the producer's console, dist/show-console.js: shoppers' pages
// never load it. It imports the shoppers' entry, so that everything the two share (Lit,
// the store, feeds) stays in dist/livecart.js and this file holds only the console.
import './index.js';

export { ShowConsole } from './define/show-console.js';

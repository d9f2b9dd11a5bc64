// What the page's first show needs from the network (hls.js, its first playlists) starts
// here, as the script begins to evaluate: the entries import this module first, before Lit
// and the elements, whose evaluation would otherwise come between the script's arrival
// and the first request.
import { startEarly } from '../media/stream.js';

startEarly();

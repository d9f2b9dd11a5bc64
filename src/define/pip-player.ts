import { isServer } from 'lit';
import './early-start.js';
import { PipPlayer } from '../elements/pip-player/pip-player.js';
import { hasSavedShow } from '../media/resume.js';
import { define } from '../platform/define-element.js';

define('pip-player', PipPlayer);

// A show the shopper left for another page of this site (link-target="_self") resumes
// here: on the next page as a mini player; back on the show's page (Back, from the
// back/forward cache or loaded again), where it was.
if (!isServer) {
  const resume = () => hasSavedShow() && void import('../elements/pip-player/resume-show.js').then((m) => m.resumeSavedShow());
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resume, { once: true });
  else resume();
  window.addEventListener('pageshow', (event) => event.persisted && resume());
}
export { PipPlayer };

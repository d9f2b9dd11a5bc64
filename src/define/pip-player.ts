import { PipPlayer } from '../elements/pip-player/pip-player.js';
import { hasSavedShow } from '../media/resume.js';
import { define } from './define.js';

define('pip-player', PipPlayer);

// A show the shopper left for another page of this site (link-target="_self") resumes here.
if (typeof document !== 'undefined' && hasSavedShow()) {
  const resume = () => void import('../elements/pip-player/resume-show.js').then((m) => m.resumeSavedShow());
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resume, { once: true });
  else resume();
}
export { PipPlayer };

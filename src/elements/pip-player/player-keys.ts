import { playVideo } from '../../media/play.js';
import type { KeysHost, PlayerKey } from './keys-controller.js';

/** What each of the player's keys does (loaded with the first key press: most viewers never press one). */
export function pressKey(host: KeysHost, key: PlayerKey): unknown {
  const video = host.video;
  if (key === ' ' || key === 'k') return video.paused ? playVideo(video) : video.pause();
  if (key === 'm') return (host.muted = video.muted = !video.muted);
  if (key === 'f')
    return document.fullscreenElement
      ? document.exitFullscreen()
      : host.renderRoot.querySelector<HTMLElement>('[part~="frame"]')?.requestFullscreen().catch(() => {});
  return host.pipMode === 'inline' ? host.enterPip() : host.exitPip();
}

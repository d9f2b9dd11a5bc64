/**
 * Starts playback as `video.play()` does, but never rejects: resolves to null once the
 * video plays, or to the browser's reason for not playing (`NotAllowedError` from an
 * autoplay policy, `AbortError` when a new load cut it short). Every play livecart starts
 * itself goes through here, so a refusal is an answer to act on, never an unhandled rejection.
 */
export const playVideo = (video: HTMLMediaElement): Promise<DOMException | null> =>
  video.play().then(
    () => null,
    (error: DOMException) => error,
  );

/**
 * Plays; where the autoplay policy refuses sound (phones do, until a tap), plays muted
 * instead, calling `onMute` as it mutes so the player's own `muted` says so at once.
 * Resolves to whether it had to mute.
 */
export async function playOrMute(video: HTMLMediaElement, onMute: () => void): Promise<boolean> {
  const refused = await playVideo(video);
  if (refused?.name !== 'NotAllowedError' || video.muted) return false;
  video.muted = true;
  onMute();
  await playVideo(video);
  return true;
}

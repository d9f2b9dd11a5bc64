/** The floating mini player's English words: in its chunk, fetched once a show plays. */
export const floatingEnglish = {
  movePlayer: 'Move the player (arrow keys)',
  expand: 'Back into the page',
  smallerPlayer: 'Smaller player',
  largerPlayer: 'Larger player',
  closePlayer: 'Close the player',
  backToShow: 'Back to the show',
};

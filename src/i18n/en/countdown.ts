/** An upcoming show's English words: in its chunk, fetched only before a show starts. */
export const countdownEnglish = {
  startsIn: 'Starts in {time}',
  startingSoon: 'Starting soon',
  addToCalendar: 'Add to calendar',
  googleCalendar: 'Google Calendar',
};

/**
 * How long the dossier list waits after a keystroke before it asks core. The officer's budget
 * from a key to the results painted is 150 ms (issue #15, measured by `npm run bench -- ui`), and
 * the wait is inside it: 80 ms still folds a wedge scanner's burst (a few ms a character) and a
 * fast typist's run into one search, and leaves core and the table 70 ms. Answers that overtake
 * each other are dropped by the list's ticket, so a shorter wait costs queries, not order.
 */
export const SEARCH_DEBOUNCE_MS = 80;

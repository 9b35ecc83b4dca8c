/**
 * The most selected object ids one person's awareness state shares with the others: past it the
 * peers show the first ones only. 200 ids are about 8 kB, sent with every cursor move.
 */
export const MAX_SHARED_SELECTION = 200;

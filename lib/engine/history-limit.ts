/** Lines of a thread the decider sees before the new batch. Its own module: replays import it without the store. */
export const HISTORY_LIMIT = 200;

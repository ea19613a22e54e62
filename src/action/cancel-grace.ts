/** How long a cancelled verb may take to record its outcome before the summary is written. */
export const CANCEL_GRACE_MS = 4000;

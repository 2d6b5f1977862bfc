/**
 * What the daily job's emails share, alerts and check-in reminders alike: the message, the daily
 * quota that both draw on, and a failed send as the mail service reported it.
 */

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

export interface SendFailure<T extends Mail> {
  readonly mail: T;
  /** The error's message, as the mail service gave it. */
  readonly message: string;
}

export interface QuotaSplit<T> {
  readonly send: T[];
  /** Held back: logged `not sent`, planned again by the next run. */
  readonly deferred: T[];
}

/**
 * The first mails that the remaining daily quota allows (it counts recipients, one per mail here), in
 * the order given: callers put first what matters most. A quota that is not a number allows none.
 */
export function withinQuota<T>(mails: readonly T[], remainingQuota: number): QuotaSplit<T> {
  const quota = Number.isNaN(remainingQuota) ? 0 : Math.max(0, Math.floor(remainingQuota));
  return { send: mails.slice(0, quota), deferred: mails.slice(quota) };
}

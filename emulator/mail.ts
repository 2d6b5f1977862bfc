/**
 * MailApp: sending records the message; the daily quota counts recipients (to, cc and bcc) and resets
 * when the workbook's clock reaches a new day in the spreadsheet's time zone.
 */
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { exception } from './errors';
import { formatJavaDate } from './time';

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | undefined;
  name: string | undefined;
  replyTo: string | undefined;
  noReply: boolean;
  sentAt: Date;
}

export class MailState {
  readonly sent: SentMail[] = [];
  private used = 0;
  private day = '';

  constructor(
    /** Recipients per day (100 for consumer accounts, 1,500 for Workspace). */
    public dailyQuota: number,
  ) {}

  /** Recipients left today. */
  remaining(today: string): number {
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
    return Math.max(0, this.dailyQuota - this.used);
  }

  spend(today: string, recipients: number): void {
    this.remaining(today);
    this.used += recipients;
  }

  /** Test control: as if `n` recipients had already been used today. */
  useUp(today: string, n: number): void {
    this.spend(today, n);
  }
}

const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;

function addresses(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

type MailMethods = 'getRemainingDailyQuota' | 'sendEmail';

export class EmMailApp implements Pick<GoogleAppsScript.Mail.MailApp, MailMethods> {
  readonly [GUARD]: Execution;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  private _today(): string {
    return formatJavaDate(this.exec.wb.clock(), this.exec.wb.timeZone, 'yyyy-MM-dd');
  }

  getRemainingDailyQuota(): number {
    return this.exec.doc.mail.remaining(this._today());
  }

  /** sendEmail(message) | (to, subject, body[, options]) | (to, replyTo, subject, body). */
  sendEmail(...args: unknown[]): void {
    let message: GoogleAppsScript.Mail.MailAdvancedParameters;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      message = { ...(args[0] as GoogleAppsScript.Mail.MailAdvancedParameters) };
    } else if (args.length === 4 && typeof args[3] === 'string') {
      message = { to: String(args[0]), replyTo: String(args[1]), subject: String(args[2]), body: args[3] };
    } else {
      const options = (args[3] ?? {}) as GoogleAppsScript.Mail.MailAdvancedParameters;
      message = {
        ...options,
        to: String(args[0]),
        subject: String(args[1] ?? ''),
        body: String(args[2] ?? ''),
      };
    }
    const recipients = [...addresses(message.to), ...addresses(message.cc), ...addresses(message.bcc)];
    if (recipients.length === 0) throw exception('Failed to send email: no recipient');
    for (const address of recipients) if (!EMAIL.test(address)) throw exception(`Invalid email: ${address}`);
    const mail = this.exec.doc.mail;
    const today = this._today();
    if (recipients.length > mail.remaining(today)) {
      throw exception('Service invoked too many times for one day: email.');
    }
    mail.spend(today, recipients.length);
    mail.sent.push({
      to: message.to ?? '',
      cc: message.cc ?? '',
      bcc: message.bcc ?? '',
      subject: message.subject ?? '',
      body: message.body ?? '',
      htmlBody: message.htmlBody,
      name: message.name,
      replyTo: message.replyTo,
      noReply: message.noReply === true,
      sentAt: this.exec.wb.clock(),
    });
  }
}

instrument(EmMailApp, 'MailApp');

/** Sending the daily job's emails: one MailApp call each, a refusal recorded rather than thrown. */
import type { Mail, SendFailure } from '../core';

export function sendMails<T extends Mail>(mails: readonly T[]): { sent: T[]; failures: SendFailure<T>[] } {
  const sent: T[] = [];
  const failures: SendFailure<T>[] = [];
  for (const mail of mails) {
    try {
      MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, name: 'OKR & KPI Tracker' });
      sent.push(mail);
    } catch (error) {
      failures.push({ mail, message: (error as Error).message });
    }
  }
  return { sent, failures };
}

/** Session: the active and effective user (the same person here) and the script's time zone. */
import { asUser } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';

export class EmUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly email: string,
  ) {
    this[GUARD] = exec;
  }

  getEmail(): string {
    return this.email;
  }
}

type SessionMethods =
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey';

export class EmSession implements Pick<GoogleAppsScript.Base.Session, SessionMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly scriptTimeZone: string,
  ) {
    this[GUARD] = exec;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return asUser(new EmUser(this.exec, this.exec.doc.user));
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return asUser(new EmUser(this.exec, this.exec.doc.user));
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return `temp-key-${Buffer.from(this.exec.doc.user).toString('base64url')}`;
  }
}

instrument(EmUser, 'User');
instrument(EmSession, 'Session');

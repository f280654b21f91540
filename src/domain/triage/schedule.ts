import { reopened } from './decide';
import { isoDay } from './inputs';
import type { FindingFacts, PersonRef, TriagePolicy, TriageState } from './types';

/** Changes the periodic job makes on its own, recorded in the register with the actor "system". */
export const SYSTEM_VERBS = ['expire', 'wake', 'remind_expiry', 'remind_overdue'] as const;
export type SystemVerb = (typeof SYSTEM_VERBS)[number];

export interface ScheduledChange {
  verb: SystemVerb;
  next: TriageState;
  /** Who to tell, and what (a UPN or object id is resolved by the application). */
  notify?: { to: PersonRef; text: string };
}

const HOUR = 3_600_000;
/** An overdue owner is reminded at most once a day. */
export const OVERDUE_REMINDER_INTERVAL_HOURS = 24;

function ownerOf(f: FindingFacts, s: TriageState): PersonRef | undefined {
  return s.owner ?? (f.resourceOwner ? { upn: f.resourceOwner, name: f.resourceOwner } : undefined);
}

/**
 * What the periodic job should do with one finding now (at most one change per run): expired acceptances and
 * due control reviews reopen the finding, lapsed requests return to the owner, ended snoozes wake the
 * alert, acceptances expiring within `expiryReminderDays` remind the owner once, overdue claims remind daily.
 */
export function scheduledChange(f: FindingFacts, s: TriageState, now: Date, policy: TriagePolicy): ScheduledChange | undefined {
  const at = now.toISOString();
  const owner = ownerOf(f, s);
  const tell = (text: string) => (owner ? { to: owner, text } : undefined);
  const ends = s.status === 'risk_accepted' ? s.acceptance?.expiresOn : s.status === 'mitigated' ? s.control?.reviewDate : undefined;
  if (ends && new Date(ends) <= now) {
    const what = s.status === 'risk_accepted' ? 'The risk acceptance' : 'The compensating control review date';
    return { verb: 'expire', next: reopened(s), notify: tell(`${what} ended on ${isoDay(new Date(ends))}; the finding is open again.`) };
  }
  if (s.status === 'pending_acceptance' && s.pending && new Date(s.pending.expiresOn) <= now) {
    return { verb: 'expire', next: reopened(s), notify: { to: s.pending.requestedBy, text: 'Your risk-acceptance request lapsed before it was approved; the finding is open again.' } };
  }
  if (s.status === 'snoozed' && s.snoozedUntil && new Date(s.snoozedUntil) <= now) {
    return { verb: 'wake', next: reopened(s), notify: tell('A snoozed alert is back in your queue.') };
  }
  if (ends && !s.reminded?.expiry && new Date(ends).getTime() - now.getTime() <= policy.expiryReminderDays * 24 * HOUR) {
    const what = s.status === 'risk_accepted' ? 'A risk acceptance you own expires' : 'A compensating control you recorded is due for review';
    return { verb: 'remind_expiry', next: { ...s, reminded: { ...s.reminded, expiry: at } }, notify: tell(`${what} on ${isoDay(new Date(ends))}.`) };
  }
  if (s.status === 'claimed' && s.dueDate && new Date(s.dueDate) < now) {
    const last = s.reminded?.overdue ? new Date(s.reminded.overdue).getTime() : 0;
    if (now.getTime() - last >= OVERDUE_REMINDER_INTERVAL_HOURS * HOUR) {
      return { verb: 'remind_overdue', next: { ...s, reminded: { ...s.reminded, overdue: at } }, notify: tell(`A finding you own was due on ${isoDay(new Date(s.dueDate))} and is overdue.`) };
    }
  }
  return undefined;
}

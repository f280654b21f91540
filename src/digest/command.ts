import { parseSchedule, ScheduleError, type DigestKind, type DigestSchedule } from '../domain/digest/schedule';

/** What a `digest …` chat message asks for. */
export type DigestCommand =
  | { action: 'now'; kind: DigestKind }
  | { action: 'status' }
  | { action: 'here' }
  | { action: 'off'; kind?: DigestKind }
  | { action: 'schedule'; kind: DigestKind; schedule: DigestSchedule | 'default' };

export const DIGEST_USAGE = [
  '`digest now`: the weekly committee digest, here and now (`digest now zone3`: the daily Zone 3 attack-path digest)',
  '`digest status`: the schedules of this conversation',
  '`digest here`: send the weekly digest to this conversation on the default schedule (admins)',
  '`digest schedule mon 09:00 America/New_York`: days, 24-hour time and IANA time zone (admins)',
  '`digest zone3 08:00 America/New_York`: also send the daily Zone 3 attack-path digest (admins; `digest zone3 off` stops it)',
  '`digest off`: stop all digests in this conversation (admins)',
];

export class DigestCommandError extends Error {
  override name = 'DigestCommandError';
}

/** Parses the text of a `digest …` message; throws DigestCommandError / ScheduleError naming the problem. */
export function parseDigestCommand(text: string): DigestCommand {
  const words = text.trim().split(/\s+/).slice(1);
  const [verb = 'status', ...rest] = words.map((w, i) => (i === 0 ? w.toLowerCase() : w));
  const tail = rest.join(' ');
  switch (verb) {
    case 'now':
      if (tail === '' || /^weekly$/i.test(tail)) return { action: 'now', kind: 'weekly' };
      if (/^(zone ?3|daily)$/i.test(tail)) return { action: 'now', kind: 'zone3_daily' };
      throw new DigestCommandError(`"digest now ${tail}": say "digest now" or "digest now zone3".`);
    case 'status':
      return { action: 'status' };
    case 'here':
      if (tail) throw new DigestCommandError(`"digest here" takes nothing after it; to choose a time use "digest schedule mon 09:00 America/New_York".`);
      return { action: 'here' };
    case 'off':
      return { action: 'off' };
    case 'schedule':
      if (!tail) throw new ScheduleError('Say when: "digest schedule mon 09:00 America/New_York" (days, 24-hour time, IANA time zone).');
      return { action: 'schedule', kind: 'weekly', schedule: parseSchedule(tail) };
    case 'zone3':
      if (/^off$/i.test(tail)) return { action: 'off', kind: 'zone3_daily' };
      if (tail === '' || /^on$/i.test(tail)) return { action: 'schedule', kind: 'zone3_daily', schedule: 'default' };
      // The Zone 3 review cadence is daily, so only the time and zone are given.
      if (rest.length !== 2) throw new ScheduleError(`The Zone 3 attack-path digest is daily: give the time and time zone only, e.g. "digest zone3 08:00 America/New_York"; got "${tail}".`);
      return { action: 'schedule', kind: 'zone3_daily', schedule: parseSchedule(`daily ${tail}`) };
    default:
      throw new DigestCommandError(`I don't know "digest ${verb}". Try:\n\n${DIGEST_USAGE.map((u) => `- ${u}`).join('\n')}`);
  }
}

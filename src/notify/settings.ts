import type { Config } from '../config';

/** Tunables of the notification pipeline (from configuration; see the README's NOTIFY_* variables). */
export interface NotifySettings {
  pollIntervalMs: number;
  /** Re-read this far behind the watermark: Defender can publish rows out of order. */
  overlapMs: number;
  groupWindowMs: number;
  stormThreshold: number;
  stormWindowMs: number;
  ownerDms: boolean;
  maxAttempts: number;
  /** Subscription command applied to each newly installed conversation ('' = none). */
  defaultSubscription: string;
  /** Test-only: the sender kills its own process at this point (see docs/notifications.md). */
  testCrashAt?: 'before-send' | 'after-send';
}

/** Settings from the validated configuration (minutes and seconds → milliseconds). */
export function notifySettingsFrom(c: Config['notify']): NotifySettings {
  return {
    pollIntervalMs: c.pollSeconds * 1000,
    overlapMs: c.overlapMinutes * 60_000,
    groupWindowMs: c.groupWindowMinutes * 60_000,
    stormThreshold: c.stormThreshold,
    stormWindowMs: c.stormWindowMinutes * 60_000,
    ownerDms: c.ownerDms,
    maxAttempts: c.maxAttempts,
    defaultSubscription: c.defaultSubscription,
    testCrashAt: c.testCrashAt,
  };
}

import type { AdaptiveCard } from '../cards/render';
import { formatSchedule, ScheduleError, toCron, type DigestKind, type DigestSchedule } from '../domain/digest/schedule';
import type { Clock } from '../domain/ports';
import type { Actor, RoleDirectory } from '../domain/roles';
import { log } from '../log';
import type { DigestScheduleStore, StoredDigestSchedule } from '../store/digest-schedules';
import { nextOccurrence } from './cron';
import { DigestCommandError, parseDigestCommand, type DigestCommand } from './command';
import type { DigestScheduler } from './scheduler';

export interface DigestDefaults {
  weekly: DigestSchedule;
  zone3_daily: DigestSchedule;
}

export interface DigestServiceDeps {
  schedules: DigestScheduleStore;
  scheduler: DigestScheduler;
  roles: RoleDirectory;
  clock: Clock;
  defaults: DigestDefaults;
  /** Builds the digest card for a period (catalog queries + store). */
  build(kind: DigestKind, end: Date, timeZone: string): Promise<AdaptiveCard>;
}

export interface ConversationKey {
  tenantId: string;
  conversationId: string;
}

export type DigestReply = { text: string } | { card: AdaptiveCard };

const KIND_LABEL: Record<DigestKind, string> = { weekly: 'weekly committee digest', zone3_daily: 'daily Zone 3 attack-path digest' };

/** The `digest …` chat commands: on-demand digests for anyone, schedule changes for admins only. */
export class DigestService {
  constructor(private readonly deps: DigestServiceDeps) {}

  async handle(text: string, actor: Actor, conv: ConversationKey): Promise<DigestReply> {
    let command: DigestCommand;
    try {
      command = parseDigestCommand(text);
    } catch (err) {
      if (err instanceof ScheduleError || err instanceof DigestCommandError) return { text: `${err.message} Nothing was changed.` };
      throw err;
    }
    if (command.action === 'now') return { card: await this.now(command.kind, conv) };
    if (command.action === 'status') return { text: await this.status(conv) };

    const roles = await this.deps.roles.rolesOf(actor);
    if (!roles.has('admin')) {
      return { text: 'Only an admin can change digest schedules (admins are listed under roles.admin in the policy file). Nothing was changed.' };
    }
    const now = this.deps.clock.now();
    const who = actor.aadObjectId;
    if (command.action === 'off') {
      const kinds: DigestKind[] = command.kind ? [command.kind] : ['weekly', 'zone3_daily'];
      let changed = 0;
      for (const kind of kinds) {
        const s = await this.deps.schedules.get(conv.tenantId, conv.conversationId, kind);
        if (s?.enabled) {
          await this.deps.schedules.put({ ...s, enabled: false, source: 'chat', updatedBy: who }, now);
          changed++;
        }
      }
      await this.deps.scheduler.reschedule();
      log().info({ conversationId: conv.conversationId, kinds, by: who }, 'digest turned off');
      return { text: changed ? `Stopped the ${kinds.map((k) => KIND_LABEL[k]).join(' and the ')} in this conversation.` : 'No digest was scheduled in this conversation; nothing changed.' };
    }
    const kind: DigestKind = command.action === 'here' ? 'weekly' : command.kind;
    const existing = await this.deps.schedules.get(conv.tenantId, conv.conversationId, kind);
    const schedule = command.action === 'schedule' && command.schedule !== 'default' ? command.schedule : command.action === 'here' && existing?.enabled ? undefined : this.deps.defaults[kind];
    const stored: StoredDigestSchedule = schedule
      ? { ...conv, kind, schedule: formatSchedule(schedule), cron: toCron(schedule), timeZone: schedule.timeZone, enabled: true, source: 'chat', updatedBy: who, activeSince: now }
      : existing!;
    if (schedule) await this.deps.schedules.put(stored, now);
    await this.deps.scheduler.reschedule();
    log().info({ conversationId: conv.conversationId, kind, schedule: stored.schedule, by: who }, 'digest scheduled');
    return { text: `The ${KIND_LABEL[kind]} goes to this conversation: ${describe(stored, now)}.` };
  }

  private async now(kind: DigestKind, conv: ConversationKey): Promise<AdaptiveCard> {
    const s = await this.deps.schedules.get(conv.tenantId, conv.conversationId, kind);
    return this.deps.build(kind, this.deps.clock.now(), s?.timeZone ?? this.deps.defaults[kind].timeZone);
  }

  private async status(conv: ConversationKey): Promise<string> {
    const now = this.deps.clock.now();
    const lines = (await this.deps.schedules.list({ tenantId: conv.tenantId, conversationId: conv.conversationId }))
      .filter((s) => s.enabled)
      .map((s) => `- ${KIND_LABEL[s.kind]}: ${describe(s, now)} (set ${s.source === 'config' ? 'in configuration' : 'in chat'})`);
    return lines.length ? `Digests in this conversation:\n\n${lines.join('\n')}` : 'No digest is scheduled in this conversation. An admin can type "digest here"; anyone can type "digest now".';
  }
}

function describe(s: StoredDigestSchedule, now: Date): string {
  const next = nextOccurrence(s.cron, s.timeZone, now);
  return `${s.schedule}${next ? `, next on ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`;
}

import { z } from 'zod';
import type { Finding } from '../domain/finding';
import type { FindingCards, Clock } from '../domain/ports';
import type { Actor, RoleDirectory } from '../domain/roles';
import { decide, isTriageVerb, ownerId } from '../domain/triage/decide';
import { APPROVER_ROLE, type ApproverPool } from '../domain/triage/approval';
import type { ExemptionTarget, Resolved, UserDirectory, WriteTargets } from '../domain/triage/ports';
import type { Decision, PersonRef, TriagePolicy, TriageState } from '../domain/triage/types';
import { STATUS_LABELS } from '../domain/triage/rules';
import { wellFormed } from '../domain/text';
import { log } from '../log';
import type { Db } from '../store/database';
import type { FindingStore } from '../store/findings';
import type { ProcessedActivities } from '../store/processed-activities';
import type { DecisionRegister } from '../store/register';
import type { TriageStateStore } from '../store/triage';
import type { Executor } from '../store/executor';
import type { WritebackJob, WritebackQueue } from '../store/writeback';
import { triageFacts } from './accountable';
import type { TriageNotifier } from './notifier';
import { needsExemptionTargets, planWrites, recommendationRef } from './targets';
import { triageView } from './view';

export interface TriageDeps {
  db: Db;
  findings: FindingStore;
  states: TriageStateStore;
  register: DecisionRegister;
  queue: WritebackQueue;
  processed: ProcessedActivities;
  roles: RoleDirectory;
  users: UserDirectory;
  policy: TriagePolicy;
  clock: Clock;
  notifier: TriageNotifier;
  /** Re-renders every posted card of the finding (notification feature); optional until wired. */
  cards?: FindingCards;
  /** Wakes the write-back worker after a decision committed. */
  kick?: () => void;
  /** The Defender tenant whose findings a Teams tenant sees (Azure: the same tenant; embedded: the simulated one). */
  findingTenant: (teamsTenantId: string) => string;
  /** Where a recommendation's exemption goes (policy assignment or Defender standard), looked up before deciding. */
  targets: WriteTargets;
  /** WRITEBACK: off records decisions in the register only ("recorded in Teams only"); nothing is queued for ARM. */
  writeback: boolean;
}

export interface ActRequest {
  teamsTenantId: string;
  activityId: string;
  actor: Actor;
  verb: string;
  data: unknown;
  /** The conversation the card was clicked in (approvals count only in the approvers' conversation). */
  conversationId?: string;
}

export type ActOutcome =
  | 'done'
  | 'denied'
  | 'stale'
  /** The same invoke (activity id) was processed before: nothing changed. */
  | 'replayed'
  | 'bad_card';

export interface ActResult {
  outcome: ActOutcome;
  message: string;
  finding?: Finding;
  state?: TriageState;
  decision?: Decision;
}

/** Card data is untrusted: only the finding key and version are read from it (plus the verb's inputs). */
const cardData = z
  .object({ findingKey: z.string().min(3).max(600), version: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .passthrough();

class StaleVersion extends Error {}

/** Applies card verbs: authorize, decide, record (state + register + write-back jobs) in one transaction. */
export class TriageService {
  constructor(private readonly deps: TriageDeps) {}

  /** The zone SLA and approval policy decisions are made with (forms show the same limits). */
  get policy(): TriageDeps['policy'] {
    return this.deps.policy;
  }

  async act(req: ActRequest): Promise<ActResult> {
    const { deps } = this;
    const parsed = cardData.safeParse(req.data);
    if (!parsed.success) return { outcome: 'bad_card', message: 'This card does not identify a finding I can act on (its data is missing or was altered). Open the finding from its latest card.' };
    const { findingKey, version, ...params } = parsed.data;
    const tenantId = deps.findingTenant(req.teamsTenantId);
    const now = deps.clock.now();
    const person = await this.person(req.actor);
    const roles = await deps.roles.rolesOf(req.actor);
    const assignee = req.verb === 'reassign' && typeof params.assignee === 'string' ? await this.lookup(params.assignee) : undefined;
    // Network lookups happen before the transaction: it holds row locks and must stay short.
    const approvers = req.verb === 'accept_risk' ? await this.approverPool() : undefined;
    const exemption = await this.exemptionTargets(tenantId, findingKey, req.verb);

    try {
      return await deps.db.transaction().execute(async (tx): Promise<ActResult> => {
        const done = await deps.processed.get(tenantId, req.activityId, tx);
        const finding = await deps.findings.get(tenantId, findingKey, tx);
        if (done) return { outcome: 'replayed', message: done.message, finding, state: finding && (await deps.states.get(tenantId, findingKey, tx)) };
        if (!finding) return { outcome: 'bad_card', message: "I can't find that finding: the card may be from another tenant, or its data was altered." };
        const state = await deps.states.get(tenantId, findingKey, tx);
        if (!isTriageVerb(req.verb)) return { outcome: 'denied', message: `"${req.verb.slice(0, 40)}" is not something I can do on a finding.`, finding, state };
        if (finding.version !== version) return { outcome: 'stale', message: staleMessage(state), finding, state };

        const decision = decide({
          verb: req.verb,
          finding: triageFacts(finding),
          state,
          actor: { person, roles },
          params,
          assignee,
          approvers,
          conversationId: req.conversationId,
          now,
          policy: deps.policy,
        });
        if (!decision.ok) return { outcome: 'denied', message: decision.message, finding, state, decision };

        const next: Finding = { ...finding, version: finding.version + 1 };
        if (!(await deps.findings.replaceIfVersion(next, finding.version, now, tx))) throw new StaleVersion();
        await deps.states.put(tx, tenantId, findingKey, decision.next, now);
        const entry = await deps.register.append(tx, {
          tenantId,
          findingKey,
          zone: finding.resource.zone,
          verb: decision.verb,
          actorId: req.actor.aadObjectId,
          actorName: person.name,
          role: decision.role,
          justification: decision.justification ?? null,
          before: state,
          after: decision.next,
          at: now.toISOString(),
        });
        const message = decision.message + (await this.queueWriteBack(tx, next, decision, entry.seq, ownerId(person), exemption, now));
        await deps.processed.record(tx, tenantId, req.activityId, findingKey, { ok: true, message }, now);
        return { outcome: 'done', message, finding: next, state: decision.next, decision };
      });
    } catch (err) {
      if (!(err instanceof StaleVersion)) throw err;
      const finding = await deps.findings.get(tenantId, findingKey);
      const state = await deps.states.get(tenantId, findingKey);
      return { outcome: 'stale', message: staleMessage(state), finding, state };
    }
  }

  /**
   * Queues the decision's writes to Defender, or records why they are not sent: WRITEBACK=off ("recorded in Teams
   * only"), or no target in Azure (then the register gets a system entry saying so). Returns text for the answer.
   */
  private async queueWriteBack(tx: Executor, f: Finding, decision: Extract<Decision, { ok: true }>, registerSeq: number, decidedBy: string, exemption: Resolved<ExemptionTarget[]> | undefined, now: Date): Promise<string> {
    const { deps } = this;
    const job = { tenantId: f.tenantId, findingKey: f.key, registerSeq };
    if (decision.effects.length === 0) return '';
    if (!deps.writeback) {
      for (const e of decision.effects) await deps.queue.recordNotSent(tx, { ...job, effect: e.type }, 'teams_only', 'write-back to Defender is off (WRITEBACK=off)', now);
      return ' Recorded in Teams only: write-back to Defender is off.';
    }
    const plan = planWrites(f, decision.effects, decidedBy, exemption);
    for (const write of plan.writes) await deps.queue.enqueue(tx, { ...job, write }, now);
    if (plan.notWritten.length === 0) return '';
    const reasons = [...new Set(plan.notWritten.map((n) => n.reason))].join('; ');
    for (const n of plan.notWritten) await deps.queue.recordNotSent(tx, { ...job, effect: n.effect }, 'refused', n.reason, now);
    await deps.register.append(tx, {
      tenantId: f.tenantId,
      findingKey: f.key,
      zone: f.resource.zone,
      verb: 'not_written_back',
      actorId: 'system',
      actorName: 'AI Posture Bot (write-back)',
      role: 'system',
      justification: `The ${decision.verb.replace(/_/g, ' ')} decision (register entry ${registerSeq}) was not written to Defender: ${reasons}.`,
      before: decision.next,
      after: decision.next,
      at: now.toISOString(),
    });
    return ` Not written to Defender: ${reasons}.`;
  }

  /** A write-back Azure refused for good (or out of attempts): the register says the decision is not in Defender. */
  async recordWriteBackFailure(job: WritebackJob, error: string): Promise<void> {
    const { deps } = this;
    await deps.db.transaction().execute(async (tx) => {
      const finding = await deps.findings.get(job.tenantId, job.findingKey, tx);
      const state = await deps.states.get(job.tenantId, job.findingKey, tx);
      await deps.register.append(tx, {
        tenantId: job.tenantId,
        findingKey: job.findingKey,
        zone: finding?.resource.zone ?? 3,
        verb: 'write_back_failed',
        actorId: 'system',
        actorName: 'AI Posture Bot (write-back)',
        role: 'system',
        justification: `The ${job.write.type.replace(/_/g, ' ')} of register entry ${job.registerSeq} was not written to Defender: ${error}`.slice(0, 2000),
        before: state,
        after: state,
        at: deps.clock.now().toISOString(),
      });
    });
  }

  /** A recommendation's exemption targets, for verbs that may exempt it (never thrown: a failed lookup is a reason). */
  private async exemptionTargets(tenantId: string, findingKey: string, verb: string): Promise<Resolved<ExemptionTarget[]> | undefined> {
    if (!this.deps.writeback) return undefined;
    const finding = await this.deps.findings.get(tenantId, findingKey);
    const ref = finding && needsExemptionTargets(finding, verb) ? recommendationRef(finding) : undefined;
    return ref ? this.deps.targets.exemptionTargets(ref) : undefined;
  }

  /** Notifications, card refresh and the worker kick, after the decision committed. Failures are logged only. */
  async afterDecision(result: ActResult): Promise<void> {
    const { deps } = this;
    if (result.outcome !== 'done' || !result.finding || !result.decision?.ok) return;
    const f = result.finding;
    deps.kick?.();
    const tasks: Promise<unknown>[] = [];
    for (const n of result.decision.notices) {
      tasks.push(n.type === 'approval_requested' ? deps.notifier.requestApproval(f, n.approver) : deps.notifier.tell(n.to, n.text, f));
    }
    if (deps.cards) tasks.push(deps.cards.refresh(f.tenantId, f.key));
    for (const r of await Promise.allSettled(tasks)) {
      if (r.status === 'rejected') log().warn({ err: r.reason, findingKey: f.key }, 'triage follow-up failed (the decision stands)');
    }
  }

  /** How the finding's write-back stands, with the reason when it failed or was not sent. */
  async syncStatus(tenantId: string, findingKey: string) {
    return this.deps.queue.status(tenantId, findingKey);
  }

  /** TriageViewSource for the notification cards. */
  async viewOf(finding: Finding) {
    return this.view(finding.tenantId, finding.key);
  }

  /** The view every card of the finding shows. */
  async view(tenantId: string, findingKey: string): Promise<ReturnType<typeof triageView> | undefined> {
    const finding = await this.deps.findings.get(tenantId, findingKey);
    if (!finding) return undefined;
    const state = await this.deps.states.get(tenantId, findingKey);
    const sync = await this.deps.queue.status(tenantId, findingKey);
    return triageView(state, finding, sync.status, sync.error);
  }

  async current(teamsTenantId: string, findingKey: string): Promise<{ finding: Finding; state: TriageState } | undefined> {
    const tenantId = this.deps.findingTenant(teamsTenantId);
    const finding = await this.deps.findings.get(tenantId, findingKey);
    return finding ? { finding, state: await this.deps.states.get(tenantId, findingKey) } : undefined;
  }

  /** Who holds each approver role, so a request that only its requester could approve goes one group up. */
  private async approverPool(): Promise<ApproverPool> {
    const { roles } = this.deps;
    const [security_lead, committee] = await Promise.all([roles.membersOf(APPROVER_ROLE.security_lead), roles.membersOf(APPROVER_ROLE.committee)]);
    return { security_lead, committee };
  }

  private async person(actor: Actor): Promise<PersonRef> {
    const known = await this.deps.users.byObjectId(actor.aadObjectId);
    return personRef(known ?? { aadObjectId: actor.aadObjectId, name: actor.name || actor.aadObjectId });
  }

  private async lookup(idOrUpn: string): Promise<PersonRef | undefined> {
    const u = idOrUpn.includes('@') ? await this.deps.users.byUpn(idOrUpn) : await this.deps.users.byObjectId(idOrUpn);
    return u && personRef(u);
  }
}

/** A person as decisions record them. Names come from Teams or the directory, not from a form: made well-formed. */
function personRef(u: { aadObjectId: string; upn?: string; name: string }): PersonRef {
  return { aadObjectId: wellFormed(u.aadObjectId), ...(u.upn ? { upn: wellFormed(u.upn) } : {}), name: wellFormed(u.name) };
}

function staleMessage(state: TriageState): string {
  const who = state.owner ? ` Now ${STATUS_LABELS[state.status]}${state.status === 'claimed' ? ` by ${state.owner.name || state.owner.upn}` : ''}.` : ` Now ${STATUS_LABELS[state.status]}.`;
  return `This changed since you opened it.${who} Here is the current card; try again if you still want to.`;
}

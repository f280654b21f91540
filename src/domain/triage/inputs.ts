import { z } from 'zod';
import { textProblem } from '../text';
import { RESOLUTION_REASONS } from './types';

/**
 * Card inputs per verb. Values arrive as strings from Adaptive Card inputs; unknown fields are ignored. Free text
 * must be well-formed (src/domain/text.ts): the register stores and hashes exactly what the person typed.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
const when = z.string().trim().min(1, 'is required');

export const MIN_JUSTIFICATION = 20;

export const PARAM_SCHEMAS = {
  claim: z.object({ dueDate: when.optional().or(z.literal('')) }),
  reassign: z.object({ assignee: z.string().trim().min(1, 'pick a person').max(200) }),
  accept_risk: z.object({ justification: text(2000), expiresOn: when }),
  compensating_control: z.object({ description: text(2000).pipe(z.string().min(10, 'must be at least 10 characters')), reviewDate: when }),
  snooze: z.object({ days: z.coerce.number().int('must be whole days').min(1, 'must be at least 1') }),
  resolve: z.object({ reason: z.enum(RESOLUTION_REASONS, { errorMap: () => ({ message: 'pick true positive, false positive or benign positive' }) }) }),
  dismiss: z.object({ reason: z.enum(RESOLUTION_REASONS, { errorMap: () => ({ message: 'pick true positive, false positive or benign positive' }) }) }),
  reopen: z.object({ reason: text(1000).optional() }),
  comment: z.object({ text: text(1000).pipe(z.string().min(1, 'is empty')) }),
  approve: z.object({}),
  reject: z.object({ reason: text(1000).optional() }),
} as const;

export type TriageParams = { [V in keyof typeof PARAM_SCHEMAS]: z.infer<(typeof PARAM_SCHEMAS)[V]> };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Reads a date picked on a card. A bare date (Input.Date) means the end of that day (UTC), capped at `limit`
 * when it is the limit's own day, so "the last allowed day" is always accepted.
 */
export function parseWhen(value: string, limit: Date): Date | undefined {
  if (DATE_ONLY.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`);
    if (!Number.isFinite(start)) return undefined;
    const end = new Date(start + DAY_MS - 1000);
    return end > limit && start <= limit.getTime() ? limit : end;
  }
  const t = Date.parse(value);
  return Number.isFinite(t) && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(t) : undefined;
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY_MS);

import { z } from 'zod';

/**
 * The fields the Bot Framework adapter needs to answer at all. botbuilder accepts activities without them
 * and fails later (or throws a 500), so a malformed request is refused here with a 400 that says why.
 */
const activityShape = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  conversation: z.object({ id: z.string().min(1) }),
});

/** Returns what is wrong with the body, or undefined when it is a usable activity. */
export function activityProblem(body: unknown): string | undefined {
  const result = activityShape.safeParse(body);
  if (result.success) return undefined;
  return result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

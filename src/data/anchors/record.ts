import { z } from 'zod';
import type { RegisterAnchor } from '../../domain/triage/register-check';

const HASH = /^[0-9a-f]{64}$/;

const anchorSchema = z
  .object({ seq: z.number().int().min(1), hash: z.string().regex(HASH), at: z.string().datetime() })
  .strict();

/** An anchor as it is written (a JSON object; the same shape in the file and in a blob). */
export function anchorRecord(anchor: RegisterAnchor): RegisterAnchor {
  return { seq: anchor.seq, hash: anchor.hash, at: anchor.at };
}

/** The anchor a written record holds, or undefined when it is not one. */
export function readAnchorRecord(text: string): RegisterAnchor | undefined {
  try {
    const parsed = anchorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

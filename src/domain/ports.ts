import type { AlertFinding } from './findings';

/** Health of a dependency as shown by GET /healthz. */
export interface DependencyStatus {
  ok: boolean;
  kind: string;
  detail?: string;
}

/** Where Defender data comes from: the simulated tenant (embedded) or Azure (Log Analytics, Resource Graph). */
export interface DefenderDataSource {
  readonly kind: string;
  status(): Promise<DependencyStatus>;
}

/** Receives findings the data source reports as new, e.g. to post them to Teams. */
export type AlertListener = (alert: AlertFinding) => Promise<void>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

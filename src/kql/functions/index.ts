/** All scalar functions by Kusto name. */
import { CONVERSIONS } from './conversion';
import { DATETIME } from './datetime';
import { DYNAMIC } from './dynamic';
import { LOGIC } from './logic';
import { MATH } from './math';
import type { ScalarFunction } from './registry';
import { STRINGS } from './strings';

export const FUNCTIONS: Readonly<Record<string, ScalarFunction>> = Object.freeze({
  ...LOGIC,
  ...STRINGS,
  ...CONVERSIONS,
  ...DYNAMIC,
  ...MATH,
  ...DATETIME,
});

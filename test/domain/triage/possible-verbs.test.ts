import assert from 'node:assert/strict';
import { possibleVerbs } from '../../../src/domain/triage/rules';

describe('card buttons follow the triage state', () => {
  const cases: [string, Parameters<typeof possibleVerbs>, string[]][] = [
    ['an open active alert', ['open', false, { kind: 'alert', status: 'active' }], ['claim', 'reassign', 'snooze', 'resolve', 'dismiss', 'comment']],
    ['a claimed recommendation (no second claim)', ['claimed', false, { kind: 'recommendation', status: 'active' }], ['reassign', 'accept_risk', 'compensating_control', 'comment']],
    ['a pending acceptance (approve/reject only with a request)', ['pending_acceptance', true, { kind: 'attack_path', status: 'active' }], ['comment', 'approve', 'reject']],
    ['an accepted risk', ['risk_accepted', false, { kind: 'recommendation', status: 'active' }], ['reopen', 'comment']],
    ['an open finding Defender reports resolved', ['open', false, { kind: 'alert', status: 'resolved' }], ['resolve', 'dismiss', 'comment']],
  ];
  for (const [name, args, expected] of cases) {
    it(name, () => assert.deepEqual(possibleVerbs(...args), expected));
  }
});

import assert from 'node:assert/strict';
import { countChange, formatHours, median, pointsChange, securePercent, velocity } from '../../src/domain/digest/metrics';

describe('digest metrics', () => {
  it('week-over-week change of counts', () => {
    assert.equal(countChange(12, 10).text, '▲ 20% WoW');
    assert.equal(countChange(5, 10).text, '▼ 50% WoW');
    assert.equal(countChange(7, 7).text, 'no change');
  });

  it('a zero previous week gives "new" (or "no change"), never a division by zero', () => {
    assert.deepEqual(countChange(4, 0), { current: 4, previous: 0, text: 'new', direction: 'up' });
    assert.deepEqual(countChange(0, 0), { current: 0, previous: 0, text: 'no change', direction: 'flat' });
    assert.equal(countChange(3, null).text, 'n/a');
    assert.ok(!/NaN|Infinity/.test(JSON.stringify([countChange(4, 0), countChange(0, 0), countChange(0, null)])));
  });

  it('percentages change in points', () => {
    assert.equal(pointsChange(72, 68).text, '▲ 4 pts WoW');
    assert.equal(pointsChange(60, 68).text, '▼ 8 pts WoW');
    assert.equal(pointsChange(null, 68).text, 'n/a');
    assert.equal(pointsChange(70, null).text, 'n/a');
  });

  it('secure score is the healthy share, n/a without evaluations', () => {
    assert.equal(securePercent(3, 1), 75);
    assert.equal(securePercent(0, 0), null);
  });

  it('median time to remediate against the zone SLA', () => {
    assert.equal(median([]), null);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.deepEqual(velocity([10, 80, 100], 72), { remediated: 3, medianHours: 80, slaHours: 72, verdict: 'over' });
    assert.equal(velocity([], 72).verdict, 'none');
    assert.equal(formatHours(30), '30 h');
    assert.equal(formatHours(76), '3 d 4 h');
    assert.equal(formatHours(null), 'n/a');
  });
});

import assert from 'node:assert/strict';
import { canonicalize } from '../../src/nlu/canonical';
import { normalizeText, stripMentions } from '../../src/nlu/text';

describe('nlu/text and nlu/canonical', () => {
  it('strips Teams mentions anywhere, other tags and entities', () => {
    assert.equal(stripMentions('<at>AI Posture Bot</at> show attack paths'), 'show attack paths');
    assert.equal(stripMentions('<at id="0">AI Posture Bot</at>&nbsp;my queue'), 'my queue');
    assert.equal(stripMentions('<p>what is <b>overdue</b></p>'), 'what is overdue');
    assert.equal(stripMentions('alerts for <at>Jane Doe</at> please'), 'alerts for please');
    assert.equal(stripMentions('<at>AI Posture Bot</at>'), '');
  });

  it('normalizes case, quotes, dashes and punctuation but keeps names and numbers', () => {
    assert.equal(normalizeText('Show  Z3 “attack” paths — NOW!'), 'show z3 attack paths now');
    assert.equal(normalizeText('oai-fraud-detection-prod, please.'), 'oai-fraud-detection-prod please');
    assert.equal(normalizeText('over 4,000 tokens?'), 'over 4,000 tokens');
  });

  it('expands shorthand for the classifier', () => {
    assert.equal(canonicalize('sev high alerts z3 7d'), 'severity high alerts zone 3 7 days');
    assert.equal(canonicalize('crit recs for aoai 24h'), 'critical recommendations for azure openai 24 hours');
    assert.equal(canonicalize('responses > 4k tokens'), 'responses > 4000 tokens');
  });

  it('unwraps greetings and polite forms only when a question remains', () => {
    assert.equal(canonicalize('hi could you please show me my queue thanks'), 'show me my queue');
    assert.equal(canonicalize('hello'), 'hello');
    assert.equal(canonicalize('what can you do'), 'what can you do');
  });
});

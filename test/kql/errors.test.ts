/** Errors: parser/binder diagnostics with line and column; constructs outside the subset raise KqlError naming them. */
import assert from 'node:assert/strict';
import { KqlError } from '../../src/kql';
import { engine } from './helpers';

function prepareError(query: string): KqlError {
  try {
    engine().prepare(query);
  } catch (e) {
    assert.ok(e instanceof KqlError, `${query}: KqlError`);
    return e;
  }
  assert.fail(`${query}: expected a KqlError`);
}

describe('kql errors', () => {
  it('unknown column: KS142 with line and column', () => {
    const e = prepareError('Alerts\n| where Foo == 1');
    const d = e.diagnostics[0]!;
    assert.equal(d.code, 'KS142');
    assert.equal(d.line, 2);
    assert.equal(d.column, 9);
    assert.equal(d.start, 15);
    assert.match(e.message, /line 2, column 9/);
  });

  it('unknown table: KS204', () => {
    assert.equal(prepareError('Nope | take 1').diagnostics[0]!.code, 'KS204');
  });

  it('non-boolean where: KS141', () => {
    assert.equal(prepareError('Alerts | where AlertName = "x"').diagnostics.some((d) => d.code === 'KS141'), true);
  });

  it('syntax error carries a position', () => {
    const e = prepareError('Alerts | where Count >');
    assert.ok(e.diagnostics.length > 0);
    assert.equal(e.diagnostics[0]!.line, 1);
    assert.equal(e.construct, undefined);
  });

  const unsupported: Array<[string, RegExp]> = [
    ['Alerts | parse AlertName with a " " b', /parse operator/],
    ['Alerts | evaluate bag_unpack(Entities)', /evaluate operator/],
    ['Alerts | make-series count() on TimeGenerated step 1d', /make series operator/],
    ['let f = (x:long) { x + 1 }; print f(1)', /user-defined function/],
    ['Alerts | summarize stdev(Score)', /aggregate function stdev\(\)/],
    ['print hash_sha256("x")', /function hash_sha256\(\)/],
    ['Alerts | serialize | extend n = row_number()', /serialize operator/],
    ['Alerts | as Snapshot | take 1', /as operator/],
    ['Alerts | take 1; Alerts | take 2', /several result statements/],
    ['Alerts | facet by Severity', /facet operator/],
  ];
  for (const [query, construct] of unsupported) {
    it(`unsupported: ${query}`, () => {
      const e = prepareError(query);
      assert.ok(e.construct, `${query}: names a construct`);
      assert.match(e.construct!, construct);
      assert.match(e.message, /unsupported by the local KQL engine/);
      assert.equal(typeof e.diagnostics[0]!.line, 'number');
    });
  }

  it('a table missing from the data is a KqlError at run time', () => {
    assert.throws(() => engine().prepare('Alerts | count').run({}), (e: unknown) => e instanceof KqlError && /no data for table Alerts/.test(e.message));
  });

  it('analyze() reports diagnostics and columns without throwing', () => {
    const a = engine().analyze('Alerts | summarize Count=count() by Severity');
    assert.equal(a.ok, true);
    assert.deepEqual(a.columns, [{ name: 'Severity', type: 'string' }, { name: 'Count', type: 'long' }]);
    assert.equal(engine().analyze('Alerts | where Foo').ok, false);
  });

  it('tokens() lists literal tokens, so a binder can prove it changed only literals', () => {
    const toks = engine().tokens('Alerts | where Severity == "High" and TimeGenerated > ago(7d) and Count > 2');
    assert.deepEqual(toks.filter((t) => t.literal).map((t) => `${t.kind}:${t.text}`), ['StringLiteralToken:"High"', 'TimespanLiteralToken:7d', 'LongLiteralToken:2']);
    assert.equal(toks[0]!.text, 'Alerts');
    assert.equal(toks[0]!.start, 0);
  });
});

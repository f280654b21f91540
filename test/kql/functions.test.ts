/**
 * Scalar functions and operators. Pages checked: https://learn.microsoft.com/kusto/query/datatypes-string-operators
 * (has, contains, startswith, endswith, in, =~ and their negations), arithmetic-operators and
 * scalar-data-types/long (integer division), tostring/toint/tolong/todouble/tobool, iff, case, coalesce,
 * strcat, split, extract, strlen, round, array_length, bag_pack, parse_json/todynamic.
 */
import assert from 'node:assert/strict';
import { column, run, scalar } from './helpers';

describe('kql scalar functions and operators', () => {
  const cases: Array<[string, unknown]> = [
    // Arithmetic: long/long is integer division (truncates toward zero); * 1.0 promotes to real.
    ['5 / 2', 2],
    ['-5 / 2', -2],
    ['5 * 1.0 / 2', 2.5],
    ['5.0 / 2', 2.5],
    ['7 % 3', 1],
    ['-(3)', -3],
    ['int(7) / int(2)', 3],
    // String operators.
    ['"North America" has "america"', true],
    ['"North America" has "amer"', false],
    ['"North America" !has "amer"', true],
    ['"North America" has_cs "America"', true],
    ['"North America" has_cs "america"', false],
    ['"jailbreak-attempt detected" has "attempt"', true],
    ['"FabriKam" contains "BRik"', true],
    ['"FabriKam" !contains "xyz"', true],
    ['"FabriKam" contains_cs "BRik"', false],
    ['"Fabrikam" startswith "fab"', true],
    ['"Fabrikam" endswith "KAM"', true],
    ['"Fabrikam" !startswith "kam"', true],
    ['"abc" == "ABC"', false],
    ['"abc" =~ "ABC"', true],
    ['"abc" !~ "ABD"', true],
    ['"abc" != "abc"', false],
    ['"b" in ("a", "b")', true],
    ['"B" in ("a", "b")', false],
    ['"B" in~ ("a", "b")', true],
    ['"c" !in ("a", "b")', true],
    ['"B" !in~ ("a", "b")', false],
    ['2 in (dynamic([1, 2]), 5)', true],
    ['5 between (1 .. 5)', true],
    ['6 !between (1 .. 5)', true],
    ['"a secret key" has_any ("token", "key")', true],
    ['"a secret key" has_all ("secret", "token")', false],
    ['"abc" matches regex "^a.c$"', true],
    // Conversions.
    ['tostring(12)', '12'],
    ['tostring(dynamic({"a":1}))', '{"a":1}'],
    ['tostring(bool(null))', ''],
    ['toint("42")', 42],
    ['toint(2.7)', 2],
    ['tolong("x")', null],
    ['todouble("1.5")', 1.5],
    ['toreal(3)', 3],
    ['tobool("true")', true],
    ['tobool("FALSE")', false],
    // Logic.
    ['iff(1 > 2, "y", "n")', 'n'],
    ['iif(true, 1, 2)', 1],
    ['case(1 > 2, "a", 2 > 1, "b", "c")', 'b'],
    ['case(false, "a", "c")', 'c'],
    ['coalesce(long(null), long(null), 3)', 3],
    ['not(1 > 2)', true],
    // Strings.
    ['strcat("a", 1, "-", true)', 'a1-true'],
    ['strlen("héllo")', 5],
    ['tolower("AbC")', 'abc'],
    ['toupper("AbC")', 'ABC'],
    ['split("a,b,c", ",")', ['a', 'b', 'c']],
    ['split("a,b,c", ",", 1)', ['b']],
    ['extract("(\\\\d+) attempts", 1, "saw 12 attempts")', '12'],
    ['extract("x(\\\\d)", 1, "nothing")', ''],
    ['substring("abcdef", 2, 3)', 'cde'],
    ['replace_string("a.b.c", ".", "/")', 'a/b/c'],
    // Math.
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1.2345, 2)', 1.23],
    ['round(1.005, 2)', 1.01],
    // Dynamic.
    ['array_length(dynamic([1, 2, 3]))', 3],
    ['array_length(parse_json(\'{"a": 1}\'))', null],
    ['bag_pack("a", 1, "b", "x")', { a: 1, b: 'x' }],
    ['pack("when", datetime(2024-01-01))', { when: '2024-01-01T00:00:00Z' }],
    ['parse_json(\'{"a": {"b": [1, 2]}}\').a.b[1]', 2],
    ['todynamic("[1,2]")[0]', 1],
    ['parse_json("not json")', 'not json'],
    ['dynamic({"a": 1})["a"]', 1],
    ['dynamic([1, 2, 3])[-1]', 3],
    ['dynamic({"a": 1}).nope', null],
    ['tostring(dynamic({"k": "v"}).k)', 'v'],
  ];
  for (const [expr, expected] of cases) {
    it(`print ${expr}`, () => assert.deepEqual(scalar(`print ${expr}`), expected));
  }

  it('integer division of count() (count() / 30 truncates)', () => {
    assert.deepEqual(run('Alerts | summarize n = count() | extend perDay = n / 2, perDayReal = n * 1.0 / 2').rows, [[5, 2, 2.5]]);
  });

  it('dynamic property access on columns, with keyword-named columns', () => {
    assert.deepEqual(column('Resources | where properties.kind == "OpenAI" | project tostring(tags["governance-zone"])'), ['3']);
    assert.deepEqual(column('Resources | where type has "cognitiveservices" | project toint(properties.zone)'), [3]);
    assert.deepEqual(column('Alerts | where tostring(Entities.user) == "ann" | project AlertName'), ['Jailbreak attempt', 'Data leakage']);
  });

  it('has on columns with a non-constant needle', () => {
    assert.deepEqual(column('Alerts | where AlertName has Severity | project AlertName'), []);
    assert.deepEqual(column('Alerts | extend w = "theft" | where AlertName has w | project AlertName'), ['Credential theft', 'Credential theft']);
  });
});

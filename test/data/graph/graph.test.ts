import assert from 'node:assert/strict';
import { parsePolicy, PolicyRoleDirectory, StaticUserDirectory } from '../../../src/config/policy';
import { GraphClient, GraphError } from '../../../src/data/graph/client';
import { GraphGroupMembers } from '../../../src/data/graph/groups';
import { GraphUserDirectory } from '../../../src/data/graph/users';
import { fakeCredential, fastRetries, useHttpsStub } from '../azure/fixtures';
import { GraphStub } from '../../support/graph-stub';

const GROUP = '5b2e8c1d-0000-4000-8000-0000000000a1';
const ANA = { id: '2c9d4e5f-0000-4000-8000-0000000000b1', displayName: 'Ana Lima', userPrincipalName: 'ana.lima@fabrikam.example' };
const BEN = { id: '2c9d4e5f-0000-4000-8000-0000000000b2', displayName: 'Ben Ode', userPrincipalName: 'ben.ode@fabrikam.example' };
const CHO = { id: '2c9d4e5f-0000-4000-8000-0000000000b3', displayName: 'Cho Park', userPrincipalName: 'cho.park@fabrikam.example' };
const KNOWN = { aadObjectId: '1a0b0c0d-0000-4000-8000-000000000001', upn: 'priya.shah@contoso.com', name: 'Priya Shah' };

describe('Microsoft Graph adapters (HTTPS stub with Graph shapes and paging)', () => {
  const https = useHttpsStub();
  const graphStub = new GraphStub(() => https.url);
  let now = 0;
  const clock = { now: () => new Date(now) };
  let graph: GraphClient;

  before(() => {
    https.respond((req) => graphStub.handle(req));
    graph = new GraphClient({ credential: fakeCredential, endpoint: https.url, clientOptions: { tlsOptions: { ca: https.ca }, retryOptions: fastRetries } });
    graphStub.users = [ANA, BEN, CHO];
    graphStub.groups.set(GROUP, [
      { '@odata.type': '#microsoft.graph.user', id: ANA.id },
      { '@odata.type': '#microsoft.graph.group', id: '7d1e0000-0000-4000-8000-0000000000c1' },
      { '@odata.type': '#microsoft.graph.servicePrincipal', id: '7d1e0000-0000-4000-8000-0000000000c2' },
      { '@odata.type': '#microsoft.graph.user', id: CHO.id.toUpperCase() },
    ]);
  });
  beforeEach(() => {
    graphStub.forbidden = false;
    now += 3_600_000; // past every cache
  });

  it("reads a group's transitive members across @odata.nextLink pages, users only, and caches them", async () => {
    const groups = new GraphGroupMembers(graph, clock);
    const members = await groups.memberIds(GROUP);
    assert.deepEqual([...members].sort(), [ANA.id, CHO.id].sort(), 'nested groups and service principals are not people; ids are lower-cased');
    const paths = https.requests.map((r) => r.path);
    assert.equal(paths.length, 2, 'two pages');
    assert.equal(paths[0], `/v1.0/groups/${GROUP}/transitiveMembers?$select=id&$top=999`);
    assert.match(decodeURIComponent(paths[1]!), /\$skiptoken=X2/);
    assert.equal(https.requests[0]!.headers.authorization, 'Bearer fake-token');
    await groups.memberIds(GROUP);
    assert.equal(https.requests.length, 2, 'cached');
  });

  it('a missing permission is an error that says which, and is not cached', async () => {
    const groups = new GraphGroupMembers(graph, clock);
    graphStub.forbidden = true;
    await assert.rejects(groups.memberIds(GROUP), (err: Error) => err instanceof GraphError && err.status === 403 && /GroupMember\.Read\.All and User\.Read\.All/.test(err.message));
    graphStub.forbidden = false;
    assert.equal((await groups.memberIds(GROUP)).size, 2);
  });

  it('refuses a group id that is not a GUID without calling Graph, and an unknown group is an error', async () => {
    const groups = new GraphGroupMembers(graph, clock);
    await assert.rejects(groups.memberIds('../users'), /not a group object id/);
    assert.equal(https.requests.length, 0);
    await assert.rejects(groups.memberIds('5b2e8c1d-0000-4000-8000-0000000000ff'), (err: Error) => err instanceof GraphError && err.status === 404 && /has no \/groups\/5b2e8c1d/.test(err.message));
  });

  it('never follows a nextLink to another host (the token would go with it)', async () => {
    https.respond(() => ({ body: { value: [], '@odata.nextLink': 'https://evil.example/v1.0/groups' } }));
    try {
      await assert.rejects(graph.all('/groups/x/transitiveMembers'), /Graph paged to another host \(https:\/\/evil\.example\)/);
    } finally {
      https.respond((req) => graphStub.handle(req));
    }
  });

  it('policy roles: a group member holds the role; while Graph refuses, the group grants nothing (fail closed)', async () => {
    const policy = parsePolicy({ roles: { committee_member: { groups: [GROUP] }, admin: { users: [BEN.id] } } }, 'test');
    const roles = new PolicyRoleDirectory(policy, new GraphGroupMembers(graph, clock));
    assert.deepEqual([...(await roles.rolesOf({ aadObjectId: CHO.id }))], ['committee_member']);
    assert.deepEqual([...(await roles.rolesOf({ aadObjectId: BEN.id }))], ['admin'], 'a user listed by id holds that role, and not the group one');
    now += 3_600_000;
    graphStub.forbidden = true;
    assert.deepEqual([...(await roles.rolesOf({ aadObjectId: CHO.id }))], []);
    assert.deepEqual([...(await new PolicyRoleDirectory(policy).rolesOf({ aadObjectId: CHO.id }))], [], 'no directory (embedded mode): groups grant nothing');
  });

  describe('the user directory', () => {
    const directory = () => new GraphUserDirectory(graph, new StaticUserDirectory([KNOWN]));

    it('searches display names and UPNs with ConsistencyLevel: eventual, as $search requires', async () => {
      const found = await directory().search('ana', 5);
      assert.deepEqual(found, [{ aadObjectId: ANA.id, upn: ANA.userPrincipalName, name: 'Ana Lima' }]);
      const [req] = https.requests;
      assert.equal(req!.headers.consistencylevel, 'eventual');
      assert.equal(new URL(req!.path, https.url).searchParams.get('$search'), '"displayName:ana" OR "userPrincipalName:ana"');
      assert.deepEqual(await directory().search('park', 5).then((u) => u.map((x) => x.name)), ['Cho Park']);
    });

    it('Graph refuses $search without the header (the stub is as strict)', async () => {
      await assert.rejects(graph.get('/users?$search=%22displayName:ana%22'), (err: Error) => err instanceof GraphError && err.code === 'Request_UnsupportedQuery');
    });

    it('drops quotes and backslashes from the typed text; empty text offers the known people', async () => {
      await directory().search('a"n\\a', 5);
      assert.equal(new URL(https.requests[0]!.path, https.url).searchParams.get('$search'), '"displayName:ana" OR "userPrincipalName:ana"');
      https.reset();
      assert.deepEqual(await directory().search('  ', 5), [KNOWN]);
      assert.equal(https.requests.length, 0);
    });

    it('looks people up by object id or UPN: the policy file first, then Graph; unknown is undefined', async () => {
      const d = directory();
      assert.deepEqual(await d.byObjectId(KNOWN.aadObjectId), KNOWN);
      assert.equal(https.requests.length, 0, 'known people need no Graph call');
      assert.equal((await d.byObjectId(BEN.id))?.upn, BEN.userPrincipalName);
      assert.equal((await d.byUpn('cho.park@fabrikam.example'))?.aadObjectId, CHO.id);
      assert.equal(await d.byObjectId('2c9d4e5f-0000-4000-8000-0000000000ff'), undefined);
      graphStub.forbidden = true;
      assert.equal(await d.byObjectId(BEN.id), undefined, 'a Graph failure is "unknown person", not a crash');
    });
  });
});

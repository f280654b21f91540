/**
 * End-to-end in a real Teams client: the bot (embedded mode, simulated tenant) behind the Microsoft 365 Agents
 * Playground, driven in Debian Chromium through playwright-core. The assertions are on the rendered DOM.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium fonts-liberation`); SKIP_E2E=1 skips it visibly.
 * Screenshots go to test-results/e2e/ (one per step); UPDATE_SCREENSHOT=1 also writes docs/playground.png (welcome, help
 * and alert cards), docs/playground-answers.png (the secure-score answer) and docs/playground-digest.png (the digest).
 * The tests play Defender by changing the simulated tenant's rows, then let the notification pipeline poll.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { startTestBot } from '../support/bot';
import { startPlayground, type RunningPlayground } from '../support/playground';

const CHROMIUM = '/usr/bin/chromium';
const root = join(__dirname, '..', '..');
const artifacts = join(root, 'test-results', 'e2e');
const docsScreenshot = join(root, 'docs', 'playground.png');
const docsAnswersScreenshot = join(root, 'docs', 'playground-answers.png');
const docsDigestScreenshot = join(root, 'docs', 'playground-digest.png');
const HOUR_MS = 3_600_000;
/** The Playground sometimes ignores a click within about a second of a card appearing (see PLAYGROUND.md). */
const SETTLE_MS = 1500;
const CARD_TIMEOUT_MS = 15_000;

const title = 'end-to-end: the bot in the Agents Playground (Teams client) in Chromium';

if (process.env.SKIP_E2E === '1') {
  describe(title, () => {
    // A pending test, so the skip shows in every test report with its reason.
    it('SKIPPED because SKIP_E2E=1 (unset it after `apt-get install -y chromium fonts-liberation` to run the Teams client test)');
  });
} else {
  describe(title, function () {
    this.timeout(60_000);

    let bot: RunningBot | undefined;
    let playground: RunningPlayground | undefined;
    let browser: Browser | undefined;
    let page: Page;
    let work: string | undefined;
    const pageErrors: string[] = [];

    /** Every Adaptive Card rendered in the chat (the Adaptive Cards renderer's own class). */
    const cards = () => page.locator('.ac-adaptiveCard');

    async function shot(name: string): Promise<string> {
      const path = join(artifacts, `${name}.png`);
      await page.screenshot({ path });
      return path;
    }

    /** The simulated tenant's tables (embedded mode): the tests play Defender by changing them. */
    const tenantTables = () => (bot!.dataSource as EmbeddedDataSource).tenant.tables;

    /** Types a message in the compose box and sends it, as the current user (Priya Shah). */
    async function say(text: string): Promise<void> {
      const compose = page.getByRole('textbox');
      await compose.click();
      await compose.fill(text);
      await page.getByRole('button', { name: 'Send Message' }).click();
    }

    /** Cards whose text includes `text` exactly as one text block (a card title, a section heading). */
    const cardsTitled = (text: string) => cards().filter({ has: page.getByText(text, { exact: true }) });

    /** Sends `text` and returns the next card matching `matching` (the ones already in the chat are skipped). */
    async function askForCard(text: string, matching: Locator): Promise<Locator> {
      const before = await matching.count();
      await say(text);
      const card = matching.nth(before);
      await card.waitFor({ timeout: CARD_TIMEOUT_MS });
      await card.scrollIntoViewIfNeeded();
      return card;
    }

    before(async function () {
      this.timeout(60_000);
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `Chromium is not installed at ${CHROMIUM}; the end-to-end test drives the Teams client (Agents Playground) in it.\n` +
            `Install it with:  apt-get update && apt-get install -y chromium fonts-liberation\n` +
            `or set SKIP_E2E=1 to skip this test.`,
        );
      }
      mkdirSync(artifacts, { recursive: true });
      work = mkdtempSync(join(tmpdir(), 'ai-posture-bot-e2e-'));

      // Chromium starts while the bot and the Playground do; each is kept as soon as it exists so that
      // `after` stops it even if another one fails to start.
      const { chromium } = await import('playwright-core');
      const started = await Promise.allSettled([
        (async () => {
          // Trickle off: the test raises its alert itself.
          bot = await startTestBot({ SIM_SEED: '42', SIM_TRICKLE_SECONDS: '0', LOG_LEVEL: 'warn' });
          playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages`, logFile: join(work!, 'playground.log') });
        })(),
        (async () => {
          browser = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
          });
        })(),
      ]);
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      if (!browser || !playground) throw new Error('start-up did not finish');
      const context = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
      // Hermetic: only the Playground's own server. Its Segoe UI web fonts come from a CDN; blocking them
      // keeps the test (and its screenshots) the same with or without internet access.
      const local = new URL(playground.url).origin;
      await context.route((url) => url.origin !== local, (route) => route.abort());
      page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      // Open the page before the bot posts anything: the Playground keeps no history across page loads.
      await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
    });

    afterEach(async function () {
      if (this.currentTest?.state !== 'failed' || !page) return;
      const name = `failed-${(this.currentTest.title.match(/\w+/g) ?? ['test']).join('-').slice(0, 60)}`;
      await page.screenshot({ path: join(artifacts, `${name}.png`) }).catch(() => undefined);
      const dom = await page.content().catch((err: Error) => `(no DOM: ${err.message})`);
      writeFileSync(join(artifacts, `${name}.html`), dom);
      writeFileSync(join(artifacts, `${name}.playground.txt`), `${playground?.output() ?? ''}\n\npage errors:\n${pageErrors.join('\n')}\n`);
    });

    after(async function () {
      this.timeout(20_000);
      // Each step runs even if an earlier one failed, so nothing is left running.
      await browser?.close().catch(() => undefined);
      await playground?.stop().catch(() => undefined);
      await bot?.stop().catch(() => undefined);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('shows the welcome card with its example question buttons when the chat opens', async () => {
      const welcome = cards().filter({ hasText: 'Try a question' });
      await welcome.waitFor({ timeout: CARD_TIMEOUT_MS });
      await assertVisible(welcome.getByText('AI Posture Bot', { exact: true }));
      for (const question of ['show Zone 3 attack paths', 'jailbreak attempts this week', "what's our AI secure score", 'help']) {
        await assertVisible(welcome.getByRole('button', { name: question, exact: true }));
      }
      await shot('1-welcome');
    });

    it('answers "help" typed in the compose box with the help card', async () => {
      await page.waitForTimeout(SETTLE_MS);
      const compose = page.getByRole('textbox');
      await compose.click();
      await compose.fill('help');
      await page.getByRole('button', { name: 'Send Message' }).click();
      // The user's own message appears in the chat, then the bot's card.
      const help = cards().filter({ hasText: 'What I can do' });
      await help.waitFor({ timeout: CARD_TIMEOUT_MS });
      await assertVisible(help.getByText('What I can do', { exact: true }));
      assert.equal(await help.count(), 1, 'exactly one help card');
      await shot('2-help');
    });

    it('posts an alert card into the chat when the simulated tenant raises a Defender for AI alert', async () => {
      assert.ok(bot?.raiseSimulatedAlert, 'embedded mode exposes raiseSimulatedAlert()');
      // Action.OpenUrl renders as a button with role "link".
      const alerts = cards().filter({ has: page.getByRole('link', { name: 'Open in Defender portal' }) });
      assert.equal(await alerts.count(), 0, 'no alert card before one is raised');
      await bot.raiseSimulatedAlert();
      const alert = alerts.filter({ hasText: /Defender for AI alert/ }).first();
      await alert.waitFor({ timeout: CARD_TIMEOUT_MS });
      const portal = alert.getByRole('link', { name: 'Open in Defender portal' });
      await assertVisible(portal);
      assert.match((await portal.getAttribute('title')) ?? '', /^https:\/\/portal\.azure\.com\//, 'the portal button opens the Azure portal');
      await assertVisible(alert.getByText(/severity · Defender for AI alert/));
      await shot('3-alert');
      // A picture with the welcome, help and alert cards all in view: a viewport as tall as the chat, then
      // trimmed of the empty space between the last card and the compose box.
      await page.setViewportSize({ width: 1280, height: 3000 });
      await page.waitForTimeout(300); // let the chat re-lay out
      const alertBox = await alert.boundingBox();
      const composeBox = await page.getByRole('textbox').boundingBox();
      if (alertBox && composeBox) {
        const spare = composeBox.y - (alertBox.y + alertBox.height) - 100;
        if (spare > 0) await page.setViewportSize({ width: 1280, height: Math.round(3000 - spare) });
        await page.waitForTimeout(300);
      }
      await assertVisible(cards().filter({ hasText: 'Try a question' }).getByText('AI Posture Bot', { exact: true }));
      const all = await shot('3-all-cards');
      if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(all, docsScreenshot);
      await page.setViewportSize({ width: 1280, height: 1500 });
    });

    it('updates the alert card in place when Defender reports the alert resolved (no second card)', async () => {
      const alertCards = cards().filter({ hasText: /severity · Defender for AI alert/ });
      assert.equal(await alertCards.count(), 1, 'one alert card in the chat');
      const alert = alertCards.first();
      await assertVisible(alert.getByText(/Defender for AI alert · Active$/));
      // Where the card sits in the chat, and the element itself, before the update.
      const cardTexts = async () => (await cards().allTextContents()).map((t) => t.replace(/\s+/g, ' '));
      const before = await cardTexts();
      const position = before.findIndex((t) => /severity · Defender for AI alert · Active/.test(t));
      const element = await alert.elementHandle();
      assert.ok(element, 'the alert card element');

      // Defender resolves the alert the bot just posted (the trickled alert is the tenant's newest alert row).
      const rows = tenantTables().securityresources!.filter((r) => r.type === 'microsoft.security/locations/alerts');
      const raised = rows[rows.length - 1]!;
      const props = raised.properties as Record<string, unknown>;
      assert.ok(before[position]!.includes(String(props.AlertDisplayName)), 'the card is the alert that was raised');
      raised.properties = { ...props, Status: 'Resolved' };
      await bot!.notifications.pollOnce(); // ingest sees "resolved" and the sender updates the posted card

      await assertVisible(alert.getByText(/Defender for AI alert · Resolved$/));
      await assertVisible(alert.getByRole('button', { name: 'Resolve', exact: true })); // record the reason in the register
      assert.equal(await alert.getByRole('button', { name: 'Claim', exact: true }).count(), 0, 'a resolved alert offers no Claim');
      const after = await cardTexts();
      assert.equal(after.length, before.length, 'no card was added: the update replaced the card');
      assert.equal(after.findIndex((t) => /severity · Defender for AI alert/.test(t)), position, 'the alert card kept its place in the chat');
      assert.match(after[position]!, /Defender for AI alert · Resolved/);
      assert.equal(after.filter((t) => t.includes(String(props.AlertDisplayName))).length, 1, 'exactly one card for the alert');
      assert.ok(await element.isVisible(), 'the same card element, updated in place (not a new message)');
      assert.match((await element.textContent()) ?? '', /Defender for AI alert · Resolved/);
      await alert.scrollIntoViewIfNeeded();
      await shot('3b-alert-resolved');
    });

    it('answers a question button clicked on the welcome card (Action.Execute) with a new answer card', async () => {
      // The welcome and help cards mention the secure score too (as buttons); the answer is the next such card.
      const mentions = cards().filter({ hasText: /secure score/i });
      const before = await mentions.count();
      const welcome = cards().filter({ hasText: 'Try a question' });
      await page.waitForTimeout(SETTLE_MS);
      await welcome.getByRole('button', { name: "what's our AI secure score", exact: true }).click();
      const answer = mentions.nth(before);
      await answer.waitFor({ timeout: CARD_TIMEOUT_MS });
      assert.equal(await answer.getByRole('button', { name: "what's our AI secure score", exact: true }).count(), 0, 'the new card is an answer, not another welcome or help card');
      await answer.scrollIntoViewIfNeeded();
      await shot('4-answer');
    });

    it('answers "show Zone 3 attack paths" typed in chat with the attack-path card (KQL, portal link, paging)', async () => {
      const answer = await askForCard('show Zone 3 attack paths', cardsTitled('Attack paths to AI resources'));
      await assertVisible(answer.getByText('Zone 3 (Regulated)', { exact: true }));
      await assertVisible(answer.getByText(/^Showing 1–5 of 8 attack paths · Data as of \d{4}-\d\d-\d\d \d\d:\d\d UTC/));
      const portal = answer.getByRole('link', { name: 'Open in Resource Graph Explorer' });
      await assertVisible(portal);
      assert.match((await portal.getAttribute('title')) ?? '', /^https:\/\/portal\.azure\.com\//);
      await assertVisible(answer.getByRole('button', { name: 'Show more', exact: true }));
      // Show KQL (Action.ToggleVisibility) reveals the bound query, in a monospace block the Playground renders.
      const kql = answer.getByText(/^let zone = int\(3\);/);
      assert.equal(await kql.isVisible(), false, 'the KQL is hidden until asked for');
      await page.waitForTimeout(SETTLE_MS);
      await answer.getByRole('button', { name: 'Show KQL', exact: true }).click();
      await assertVisible(kql);
      assert.match((await kql.textContent()) ?? '', /^let zone = int\(3\);\s*let severity = "";/);
      await shot('5-attack-paths');
    });

    it('answers "jailbreak attempts this week" typed in chat with the alerts card', async () => {
      const answer = await askForCard('jailbreak attempts this week', cardsTitled('Defender for AI threat alerts'));
      await assertVisible(answer.getByText('last 7 days · jailbreak attempts', { exact: true }));
      await assertVisible(answer.getByText(/Jailbreak attempt/).first());
      const portal = answer.getByRole('link', { name: 'Open in Resource Graph Explorer' });
      await assertVisible(portal);
      assert.match((await portal.getAttribute('title')) ?? '', /^https:\/\/portal\.azure\.com\//);
      await shot('6-jailbreak-alerts');
    });

    it('answers "what\'s our AI secure score" typed in chat with the secure-score card and its line chart', async () => {
      const answer = await askForCard("what's our AI secure score", cardsTitled('Secure score trend'));
      await assertVisible(answer.getByText('last 30 days', { exact: true }));
      await assertVisible(answer.getByText(/^\d{1,3}(\.\d)?%$/));
      const portal = answer.getByRole('link', { name: 'Open in Log Analytics' });
      await assertVisible(portal);
      assert.match((await portal.getAttribute('title')) ?? '', /^https:\/\/portal\.azure\.com\//);
      await assertVisible(answer.locator('svg')); // Chart.Line renders as SVG in Teams
      await shot('7-secure-score');
      if (process.env.UPDATE_SCREENSHOT === '1') await answer.screenshot({ path: docsAnswersScreenshot });
    });

    it('shows the weekly committee digest for "digest now" typed in chat, with its charts', async () => {
      const digest = await askForCard('digest now', cardsTitled('Weekly AI security digest · Model Risk Committee'));
      await assertVisible(digest.getByText('Threat trend', { exact: true }));
      await assertVisible(digest.getByText('Decisions for the committee', { exact: true }));
      assert.ok((await digest.locator('svg').count()) >= 1, 'at least one chart rendered as SVG');
      await assertVisible(digest.locator('svg'));
      await shot('11-digest');
      if (process.env.UPDATE_SCREENSHOT === '1') {
        // The card is taller than the window and the chat scrolls inside the page: make the window tall enough
        // for the whole card, then cut the picture to it.
        const height = (await digest.boundingBox())?.height ?? 0;
        await page.setViewportSize({ width: 1280, height: Math.round(height) + 400 });
        await page.waitForTimeout(300);
        await digest.scrollIntoViewIfNeeded();
        const box = await digest.boundingBox();
        if (box) await page.screenshot({ path: docsDigestScreenshot, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
        await page.setViewportSize({ width: 1280, height: 1500 });
      }
    });

    it('claims a Zone 3 critical attack path from its card: owner and a due date 72 hours out; "what\'s assigned to me" lists it (Teams claim) and a claimed recommendation (Defender governance)', async () => {
      // Priya subscribes her personal chat to Zone 3 findings (every kind), as a user would.
      await page.waitForTimeout(SETTLE_MS);
      await say('subscribe zone 3');
      await assertVisible(page.getByText(/^Subscribed: alerts, recommendations and attack paths · zone 3 · any severity\. New findings that match will be posted here\.$/));

      // Defender finds a new critical attack path to oai-fraud-detection-prod (Zone 3, owned by Priya), and a
      // recommendation on her Zone 3 AI Foundry project turns unhealthy.
      const rows = tenantTables().securityresources!;
      const template = rows.find((r) => r.type === 'microsoft.security/attackpaths' && /Internet exposed VM/.test(String((r.properties as Record<string, unknown>).displayName)))!;
      assert.equal((template.properties as Record<string, unknown>).riskLevel, 'Critical');
      const pathId = 'e2e0a7c1-3f5d-4b2e-9c8a-1d2e3f4a5b6c';
      rows.push({ ...template, id: String(template.id).replace(String(template.name), pathId), name: pathId, properties: { ...(template.properties as object), AttackPathID: pathId } });
      const recommendationTitle = 'Microsoft Entra ID should be used when connecting to data stores on Azure AI Foundry project';
      const assessment = rows.find((r) => r.type === 'microsoft.security/assessments' && /\/aip-fraud-investigator\//.test(String(r.id)) && (r.properties as Record<string, unknown>).displayName === recommendationTitle)!;
      const assessmentProps = assessment.properties as { status: Record<string, unknown>; metadata: { severity: string } };
      assert.equal(assessmentProps.status.code, 'Healthy');
      assert.equal(assessmentProps.metadata.severity, 'High');
      assessment.properties = { ...assessmentProps, status: { ...assessmentProps.status, code: 'Unhealthy', statusChangeDate: new Date().toISOString() } };
      await bot!.notifications.pollOnce();

      const pathCard = cards().filter({ hasText: /Critical severity · Attack path · Active/ }).filter({ hasText: 'oai-fraud-detection-prod' });
      await pathCard.waitFor({ timeout: CARD_TIMEOUT_MS });
      const recCard = cards().filter({ hasText: /severity · .*Unhealthy/ }).filter({ hasText: recommendationTitle });
      await recCard.waitFor({ timeout: CARD_TIMEOUT_MS });
      assert.ok((await factsOf(pathCard)).some(([t, v]) => t === 'Zone' && /^Zone 3/.test(v)), 'a Zone 3 finding');
      await pathCard.scrollIntoViewIfNeeded();
      await shot('8-attack-path-card');

      // Priya clicks Claim on the attack path.
      await page.waitForTimeout(SETTLE_MS);
      const clickedAt = Date.now();
      await pathCard.getByRole('button', { name: 'Claim', exact: true }).click();
      // The invoke's answer replaces the card, and every posted copy is redrawn through updateActivity.
      const triage = await waitForTriage(pathCard, claimedView);
      const answeredAt = Date.now();
      assert.equal(triage.get('Owner'), 'Priya Shah');
      const pathDue = assertDueWithin(triage.get('Due'), clickedAt + 72 * HOUR_MS, answeredAt + 72 * HOUR_MS);
      assert.equal(await pathCard.count(), 1, 'one card for the attack path');
      await pathCard.scrollIntoViewIfNeeded();
      await shot('9-attack-path-claimed');

      // And the recommendation (Zone 3, high: 7 days); its claim becomes a governance assignment in Defender.
      const recClickedAt = Date.now();
      await recCard.getByRole('button', { name: 'Claim', exact: true }).click();
      const recTriage = await waitForTriage(recCard, claimedView);
      assert.equal(recTriage.get('Owner'), 'Priya Shah');
      const recDue = assertDueWithin(recTriage.get('Due'), recClickedAt + 7 * 24 * HOUR_MS, Date.now() + 7 * 24 * HOUR_MS);
      await bot!.triage.worker.drain(); // the write-back to the simulated tenant (the worker also runs on its own)

      const queue = await askForCard("what's assigned to me", cardsTitled('My remediation queue'));
      // The attack path: Defender has no governance assignment for attack paths, so it comes from the Teams claim.
      const pathTitle = String((template.properties as Record<string, unknown>).displayName);
      const pathRow = queue.getByRole('row').filter({ hasText: pathTitle }).filter({ hasText: 'oai-fraud-detection-prod' });
      await assertVisible(pathRow);
      assert.equal(await pathRow.count(), 1, 'one row for the claimed attack path');
      const pathText = ((await pathRow.textContent()) ?? '').replace(/\s+/g, ' ');
      for (const part of [pathDue, 'Critical', 'Attack path · Teams claim (not in Defender governance)', 'Zone 3']) assert.ok(pathText.includes(part), `the row shows "${part}": ${pathText}`);
      await assertVisible(queue.getByText(/^Teams claims come from the bot's decision store/));
      // The recommendation: its claim was written back, so it is listed once, as Defender's governance assignment.
      const row = queue.getByRole('row').filter({ hasText: 'aip-fraud-investigator' });
      await assertVisible(row);
      assert.equal(await row.count(), 1, 'one row for the claimed recommendation');
      const rowText = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
      for (const part of [recDue, 'High', recommendationTitle, 'Recommendation · Defender governance', 'Zone 3']) assert.ok(rowText.includes(part), `the row shows "${part}": ${rowText}`);
      await shot('10-assigned-to-me');
    });
  });
}

async function assertVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
  assert.ok(await locator.first().isVisible(), `${String(locator)} is visible`);
}

/** The facts of every FactSet in a card, in order, as [title, value]. */
async function factsOf(card: Locator): Promise<[string, string][]> {
  // One query (titles and values in document order, alternating), so a card redrawn meanwhile cannot mix.
  const cells = (await card.locator('.ac-fact-title, .ac-fact-value').allTextContents()).map((t) => t.trim());
  return Array.from({ length: Math.floor(cells.length / 2) }, (_, i) => [cells[2 * i]!, cells[2 * i + 1]!]);
}

/** A finding card's triage block once claimed: status, owner and due date. */
const claimedView = (facts: Map<string, string>) => /^Claimed\b/.test(facts.get('Status') ?? '') && facts.has('Owner') && facts.has('Due');

/**
 * Waits until a finding card's facts satisfy `ready` and returns them by title (the triage block comes last, so
 * its Status, Owner and Due win over the finding's own facts of the same name).
 */
async function waitForTriage(card: Locator, ready: (facts: Map<string, string>) => boolean): Promise<Map<string, string>> {
  const deadline = Date.now() + CARD_TIMEOUT_MS;
  for (;;) {
    const facts = new Map(await factsOf(card).catch(() => []));
    if (ready(facts)) return facts;
    if (Date.now() > deadline) assert.fail(`the card's facts never got there: ${JSON.stringify([...facts])}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Asserts a card's "2026-11-25 01:31 UTC" due date lies between two instants (a minute's slack each side). */
function assertDueWithin(due: string | undefined, earliest: number, latest: number): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC$/.exec(due ?? '');
  assert.ok(m, `a due date like "2026-11-25 01:31 UTC", got ${JSON.stringify(due)}`);
  const at = Date.parse(`${m[1]}T${m[2]}:00Z`);
  assert.ok(at >= earliest - 60_000 && at <= latest + 60_000, `due ${due} is between ${new Date(earliest).toISOString()} and ${new Date(latest).toISOString()}`);
  return due!;
}

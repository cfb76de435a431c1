import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { startApiApp, type ApiApp } from '../../support/api-app.ts';
import { call } from '../../support/api-client.ts';
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser.ts';
import { commitOf, seedDemo } from '../support/seed.ts';

/** Signs `page` in with an API token through the sign-in page (the app has no GitHub login). */
async function signInWithToken(page: Page, url: string, token: string, returnTo = '/'): Promise<void> {
  await page.goto(`${url}/signin?return_to=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in with token' }).click();
  await page.waitForURL((u) => u.pathname === returnTo.split('?')[0]);
}

/**
 * How many pixels of a chart's canvas have the improvement mark's green (#1b6e20): the change
 * marks and after-mean lines of improvements, which nothing else on a chart is drawn in.
 */
async function greenPixels(page: Page, metric: string): Promise<number> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector('#metric-${metric} canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0x1b) < 24 && Math.abs(data[i + 1] - 0x6e) < 24 && Math.abs(data[i + 2] - 0x20) < 24) n++;
    return n;
  })()`)) as number;
}

/** Whether the page is wider than its viewport (a horizontal scroll bar). */
async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

describe('web dashboard in Chromium', function () {
  this.timeout(60_000);
  let app: ApiApp;
  let browser: TestBrowser;
  let token: string;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    app = await startApiApp();
    token = await app.tokenFor('alice');
    await seedDemo(app.url, token);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await signInWithToken(page, app.url, token);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(function () {
    expect(errors, 'errors thrown in the page').to.deep.equal([]);
  });

  it('signs in with an API token and shows who is signed in', async () => {
    expect(await page.locator('#account').innerText()).to.include('Sign out');
  });

  it('shows the test tree with change-point counts and the newest change, and filters it by name', async () => {
    await page.goto(`${app.url}/`);
    await page.locator('.tree-root').waitFor();
    await page.waitForFunction(() => !document.querySelector('[role=status]')?.textContent?.includes('loading'));
    const checkout = page.locator('details', { has: page.locator('summary', { hasText: 'checkout/' }) }).first();
    expect(await checkout.locator('summary .badge [aria-hidden]').first().innerText()).to.equal('3');
    expect(await page.locator('li.leaf', { hasText: 'api' }).locator('.newest').innerText()).to.include('throughput');
    await screenshot(page, 'tree');
    await page.getByLabel('Search tests by name').fill('parser');
    expect(await page.locator('.test-link').allInnerTexts()).to.deep.equal(['json']);
    expect(await page.getByRole('status').first().innerText()).to.include('1 of 4 tests');
  });

  it('opens a test: one chart per metric, its change points listed, the panel explains a change', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: 'api', exact: true }).click();
    await page.waitForURL(`${app.url}/tests/shop/checkout/api`);
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('section.metric h2').allInnerTexts()).to.deep.equal(['latency_p99 (ms)', 'throughput (req/s)']);
    const latency = page.locator('#metric-latency_p99');
    expect(await latency.locator('.change-count').innerText()).to.equal('1 change point');
    const button = latency.getByRole('button', { name: /Regression \+30 % at/ });
    await button.click();
    const panel = page.locator('#change-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).to.include('Regression in latency_p99');
    expect(text).to.match(/p-value\s+\d/);
    expect(text).to.include('Its p-value');
    expect(text).to.include('above the minimum min_magnitude = 5 %');
    expect(await panel.getByRole('link', { name: /^[0-9a-f]{10}/ }).getAttribute('href')).to.equal(`https://github.com/acme/shop/commit/${commitOf(40)}`);
    expect(new URL(page.url()).searchParams.get('commit')).to.equal(commitOf(40));
    await screenshot(page, 'test-page');
  });

  it('shows value, time, commit and attributes when hovering a point', async () => {
    await page.goto(`${app.url}/tests/shop/checkout/api`);
    const over = page.locator('#metric-latency_p99 .u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('no chart');
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    const tip = page.locator('#metric-latency_p99 .chart-tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).to.match(/\d+(\.\d+)? ms/);
    expect(text).to.include('2026-01-');
    expect(text).to.match(/commit [0-9a-f]{10}/);
    expect(text).to.include('runner: ubuntu-24.04');
  });

  it('opens the change of a deep link ?metric=&commit=', async () => {
    await page.goto(`${app.url}/tests/shop/checkout/api?metric=throughput&commit=${commitOf(55)}`);
    const panel = page.locator('#change-panel');
    await panel.waitFor();
    expect(await panel.innerText()).to.include('Improvement in throughput');
    expect(await page.locator('#metric-throughput [aria-pressed=true]').count()).to.equal(1);
  });

  it('redraws the marks after a threshold change', async () => {
    await page.goto(`${app.url}/tests/shop/checkout/api`);
    const count = page.locator('#metric-throughput .change-count');
    expect(await count.innerText()).to.equal('1 change point');
    expect(await greenPixels(page, 'throughput')).to.be.greaterThan(100);
    await page.getByLabel('Metric', { exact: true }).selectOption('throughput');
    await page.locator('#metric-min-magnitude').fill('20');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Thresholds saved. 1 change point now (2 before).').waitFor();
    expect(await count.innerText()).to.equal('0 change points');
    expect(await page.locator('#metric-throughput .chart').getAttribute('aria-label')).to.include('0 change points');
    expect(await greenPixels(page, 'throughput')).to.equal(0);
    expect(await page.locator('#metric-latency_p99 .change-count').innerText()).to.equal('1 change point');
    await screenshot(page, 'threshold-raised');
    await page.locator('#metric-min-magnitude').fill('');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Thresholds saved. 2 change points now (1 before).').waitFor();
    expect(await count.innerText()).to.equal('1 change point');
  });

  it('loads only the chosen time range (the API’s since)', async () => {
    await page.goto(`${app.url}/tests/shop/checkout/api`);
    await page.getByLabel('From').fill('2026-01-03');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/since=1767398400/);
    expect(await page.locator('.page-head .muted').innerText()).to.match(/^32 results in this time range/);
  });

  it('works from the keyboard: zoom keys, a change button, and Close returning focus', async () => {
    await page.goto(`${app.url}/tests/shop/checkout/api`);
    const chart = page.locator('#metric-latency_p99 .chart');
    await chart.focus();
    await page.keyboard.press('+');
    const button = page.locator('#metric-latency_p99 .change-button');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(await page.evaluate(() => document.activeElement?.id)).to.equal('change-panel-title');
    await page.getByRole('button', { name: 'Close change details' }).press('Enter');
    expect(await page.locator('#change-panel').isHidden()).to.equal(true);
    expect(await button.evaluate((el) => el === document.activeElement)).to.equal(true);
  });

  it('fits a 375 px wide screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      for (const path of ['/', '/tests/shop/checkout/api', '/settings']) {
        await page.goto(`${app.url}${path}`);
        await page.locator('main h1').waitFor();
        await page.waitForTimeout(100);
        expect(await overflowsHorizontally(page), path).to.equal(false);
      }
      await page.goto(`${app.url}/tests/shop/checkout/api?metric=latency_p99&commit=${commitOf(40)}`);
      await page.locator('#change-panel').waitFor();
      await screenshot(page, 'test-page-375px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the curl command when there are no results yet', async () => {
    const fresh = await browser.newPage();
    try {
      await signInWithToken(fresh, app.url, await app.tokenFor('newcomer'));
      await fresh.getByText('No results yet — here is the curl command to upload one').waitFor();
      expect(await fresh.locator('pre code').innerText()).to.include(`curl -X POST "${app.url}/api/v0/result/bench/parse"`);
      await screenshot(fresh, 'empty-state');
    } finally {
      await fresh.close();
    }
  });

  it('sends a signed-out visitor of a private page to sign-in, and shows another owner’s test as not found', async () => {
    const visitor = await browser.newPage();
    try {
      await visitor.goto(`${app.url}/tests/shop/checkout/api`);
      await visitor.waitForURL(/\/signin\?return_to=%2Ftests%2Fshop%2Fcheckout%2Fapi/);
      await visitor.getByText('This server has no GitHub login set up: sign in with an API token.').waitFor();
      await signInWithToken(visitor, app.url, await app.tokenFor('mallory'), '/tests/shop/checkout/api');
      await visitor.getByRole('heading', { name: 'Not found' }).waitFor();
      expect(await visitor.locator('canvas').count()).to.equal(0);
    } finally {
      await visitor.close();
    }
  });

  it('saves Slack settings without ever showing the webhook URL again', async () => {
    const res = await call(app.url, 'GET', '/api/v0/user/config', { token });
    expect(res.body.notifiers.slack).to.equal(null);
    await page.goto(`${app.url}/settings`);
    await page.getByLabel('Incoming webhook URL').fill('http://127.0.0.1:9/services/T0/B0/abcdefghijklmnopqrstuvwx');
    await page.getByLabel('Send', { exact: true }).first().selectOption('both');
    await page.getByRole('button', { name: 'Save Slack settings' }).click();
    await page.getByText('Slack settings saved.').waitFor();
    expect(await page.getByLabel('Incoming webhook URL').getAttribute('placeholder')).to.include('…uvwx');
    const after = await call(app.url, 'GET', '/api/v0/user/config', { token });
    expect(after.body.notifiers.slack).to.deep.equal({ webhook_url: 'http://127.0.0.1:9/…uvwx', notify_on: 'both' });
    await screenshot(page, 'settings');
  });

  it('adds a signed webhook and removes it', async () => {
    await page.goto(`${app.url}/settings#webhooks`);
    await page.getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/vahti-hook');
    await page.getByLabel('Secret').fill('0123456789abcdef-secret');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText('Webhook added.').waitFor();
    const stored = (await call(app.url, 'GET', '/api/v0/user/config', { token })).body.notifiers.webhooks as { url: string }[];
    expect(stored).to.have.length(1);
    expect(await page.locator('#webhooks li code').innerText()).to.equal(stored[0]?.url);
    expect(await page.locator('#webhooks').innerText()).not.to.include('0123456789abcdef-secret');
    await page.getByRole('button', { name: /^Remove webhook/ }).click();
    await page.getByText('Webhook removed.').waitFor();
    expect((await call(app.url, 'GET', '/api/v0/user/config', { token })).body.notifiers.webhooks).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { startApiApp, type ApiApp } from '../../support/api-app.ts';
import { call } from '../../support/api-client.ts';
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser.ts';
import { seedDemo } from '../support/seed.ts';

/** Signs `page` in with an API token (kept in the tab's sessionStorage). */
async function useToken(page: Page, token: string): Promise<void> {
  await page.addInitScript((t) => sessionStorage.setItem('vahti.token', t), token);
}

describe('web dashboard in Chromium: tokens and public tests', function () {
  this.timeout(60_000);
  let app: ApiApp;
  let browser: TestBrowser;
  let token: string;

  before(async () => {
    app = await startApiApp();
    token = await app.tokenFor('alice');
    await seedDemo(app.url, token, ['shop/checkout/api', 'shop/search']);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('creates a token, shows its secret once, lists it and revokes it', async () => {
    const page = await browser.newPage();
    await useToken(page, token);
    await page.goto(`${app.url}/settings#tokens`);
    await page.getByLabel('Name', { exact: true }).fill('github-actions');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Token “github-actions”').inputValue();
    expect(secret).to.have.length.greaterThan(20);
    expect((await call(app.url, 'GET', '/api/v0/results', { token: secret })).status).to.equal(200);
    const row = page.locator('#tokens tr', { hasText: 'github-actions' });
    await row.waitFor();
    await screenshot(page, 'token-created');
    await page.reload();
    await page.locator('#tokens tr', { hasText: 'github-actions' }).waitFor();
    expect(await page.locator('#tokens').innerText()).not.to.include(secret);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke token github-actions' }).click();
    await page.getByText('Token “github-actions” revoked.').waitFor();
    // The list is re-read after the message appears: wait for the row to go, then check.
    await page.locator('#tokens tr', { hasText: 'github-actions' }).waitFor({ state: 'detached' });
    expect(await page.locator('#tokens tr', { hasText: 'github-actions' }).count()).to.equal(0);
    expect((await call(app.url, 'GET', '/api/v0/results', { token: secret })).status).to.equal(401);
    await page.close();
  });

  it('shows a test made public to a visitor without signing in, and hides it again once private', async () => {
    const owner = await browser.newPage();
    await useToken(owner, token);
    await owner.goto(`${app.url}/tests/shop/checkout/api`);
    await owner.getByLabel(/^Public:/).check();
    await owner.getByText('This test is now public.').waitFor();

    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/public`);
    await visitor.getByRole('link', { name: 'shop/checkout/api' }).click();
    await visitor.waitForURL(`${app.url}/public/alice/shop/checkout/api`);
    await visitor.locator('.chart canvas').first().waitFor();
    expect(await visitor.locator('#metric-latency_p99 .change-count').innerText()).to.equal('1 change point');
    expect(await visitor.locator('#test-settings-title').count()).to.equal(0);
    expect(await visitor.locator('#account').innerText()).to.include('Sign in');
    expect(await visitor.getByRole('link', { name: 'shop/search' }).count()).to.equal(0);
    await screenshot(visitor, 'public-test');

    await owner.getByLabel(/^Public:/).uncheck();
    await owner.getByText('This test is now private.').waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Not found' }).waitFor();
    await visitor.goto(`${app.url}/public/alice/shop/search`);
    await visitor.getByRole('heading', { name: 'Not found' }).waitFor();
    await owner.close();
    await visitor.close();
  });
});

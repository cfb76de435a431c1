import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { call } from '../../support/api-client.ts';
import { startLoginApp, type LoginApp } from '../../support/login.ts';
import { githubUser, membership } from '../../support/stand-in-github.ts';
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser.ts';
import { demoResults } from '../support/seed.ts';

/** Signs `page` in through the stand-in GitHub as `login`, starting from `path`. */
async function signInWithGithub(env: LoginApp, page: Page, login: string, path: string): Promise<void> {
  env.github.signIn(login);
  await page.goto(`${env.app.url}${path}`);
  await page.waitForURL((u) => u.pathname === '/signin');
  await page.getByRole('link', { name: 'Sign in with GitHub' }).click();
  await page.waitForURL((u) => u.origin === env.app.url && u.pathname === path);
}

describe('web dashboard in Chromium: GitHub sign-in and organisations', function () {
  this.timeout(60_000);
  let env: LoginApp;
  let browser: TestBrowser;

  before(async () => {
    env = await startLoginApp();
    env.github.addUser(githubUser(11, 'alice', 'Alice Example'));
    env.github.setMemberships('alice', [membership('acme', 500, 'admin')]);
    env.github.addUser(githubUser(12, 'bob'));
    env.github.setMemberships('bob', [membership('acme', 500, 'member')]);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    await browser.context.clearCookies();
  });
  after(async () => {
    await browser?.close();
    await env?.close();
  });

  it('signs in through GitHub, comes back to the page asked for, shows who is signed in and signs out', async () => {
    const page = await browser.newPage();
    await signInWithGithub(env, page, 'alice', '/settings');
    expect(await page.locator('#account .who').innerText()).to.include('Alice Example (alice)');
    expect(await page.locator('#nav').innerText()).to.include('acme');
    const account = await page.locator('#account-title').locator('..').innerText();
    expect(account).to.include('alice@example.com');
    expect(account).to.include('acme (admin)');
    await screenshot(page, 'signed-in-settings');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    expect(await page.locator('#account').innerText()).to.include('Sign in');
    await page.goto(`${env.app.url}/settings`);
    await page.waitForURL((u) => u.pathname === '/signin');
    await page.close();
  });

  it('gives an organisation admin the organisation’s tree, test pages and settings', async () => {
    const page = await browser.newPage();
    await signInWithGithub(env, page, 'alice', '/orgs/acme/settings');
    await page.getByLabel('Name', { exact: true }).fill('acme-ci');
    await page.getByRole('button', { name: 'Create token' }).click();
    const orgToken = await page.getByLabel('Token “acme-ci”').inputValue();
    const upload = await call(env.app.url, 'POST', '/api/v0/result/shop/checkout/api', { token: orgToken, json: demoResults()['shop/checkout/api'] });
    expect(upload.status).to.equal(200);

    await page.getByRole('link', { name: 'acme', exact: true }).click();
    await page.waitForURL(`${env.app.url}/orgs/acme`);
    await page.getByRole('heading', { name: 'Tests of acme' }).waitFor();
    await page.getByRole('link', { name: 'api', exact: true }).click();
    await page.waitForURL(`${env.app.url}/orgs/acme/tests/shop/checkout/api`);
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('#metric-latency_p99 .change-count').innerText()).to.equal('1 change point');
    await page.locator('#test-min-magnitude').fill('50');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Thresholds saved. 0 change points now (2 before).').waitFor();
    await page.close();
  });

  it('shows an organisation member its tests but not its settings', async () => {
    const page = await browser.newPage();
    await signInWithGithub(env, page, 'bob', '/orgs/acme/tests/shop/checkout/api');
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('#test-settings-title').count()).to.equal(0);
    await page.goto(`${env.app.url}/orgs/acme/settings`);
    await page.getByText('Only admins of acme can change its settings; you are a member.').waitFor();
    await page.goto(`${env.app.url}/orgs/other/tests/shop/checkout/api`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.close();
  });
});

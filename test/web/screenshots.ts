/**
 * Regenerates the README's dashboard screenshots under docs/screenshots/ from the demo data
 * (`npx tsx test/web/screenshots.ts`): the test tree, a test page with change points, the
 * change panel, the settings, and the test page at 375 px, signed in through the stand-in GitHub,
 * alerts going to the stand-in Slack.
 * Same app and browser as the tests.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { call } from '../support/api-client.ts';
import { startLoginApp } from '../support/login.ts';
import { githubUser, membership } from '../support/stand-in-github.ts';
import { startStandInSlack } from '../support/stand-in-slack.ts';
import { launchBrowser } from './support/browser.ts';
import { commitOf, seedDemo } from './support/seed.ts';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
mkdirSync(out, { recursive: true });

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  process.stderr.write(`screenshots: ${name}.png\n`);
}

const env = await startLoginApp();
const slack = await startStandInSlack();
const { app } = env;
const browser = await launchBrowser();
try {
  env.github.addUser(githubUser(11, 'alice', 'Alice Example'));
  env.github.setMemberships('alice', [membership('acme', 500, 'admin')]);
  env.github.signIn('alice');
  const token = await app.tokenFor('alice');
  await call(app.url, 'PUT', '/api/v0/user/config', {
    token,
    json: { core: { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 50 }, notifiers: { since_days: 3650, slack: { webhook_url: `${slack.url}/services/T0/B0/x2Yk`, notify_on: 'regressions' } } },
  });
  await seedDemo(app.url, token);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await call(app.url, 'POST', '/api/v0/tokens', { token, json: { name: 'github-actions' } });
  await call(app.url, 'PUT', '/api/v0/config/shop/checkout/api', { token, json: { public: true } });
  const page = await browser.newPage({ width: 1280, height: 800 });
  await page.goto(`${app.url}/auth/github?return_to=%2F`);

  await page.goto(`${app.url}/`);
  await page.locator('.tree-root').waitFor();
  await page.getByText('4 tests · ', { exact: false }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main [role=status]')?.textContent?.includes('loading'));
  await shot(page, 'tree');

  await page.setViewportSize({ width: 1280, height: 1280 });
  await page.goto(`${app.url}/tests/shop/checkout/api`);
  await page.locator('.chart canvas').nth(1).waitFor();
  await shot(page, 'test-page');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${app.url}/tests/shop/checkout/api?metric=latency_p99&commit=${commitOf(40)}`);
  await page.locator('#change-panel').waitFor();
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 1060 });
  await shot(page, 'change-panel');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${app.url}/settings`);
  await page.locator('#thresholds').waitFor();
  await shot(page, 'settings', true);

  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${app.url}/tests/shop/checkout/api`);
  await page.locator('.chart canvas').nth(1).waitFor();
  await shot(page, 'test-page-375px');
} finally {
  await browser.close();
  await env.close();
  await slack.close();
}

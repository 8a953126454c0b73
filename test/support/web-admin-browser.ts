import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig, type Logger } from '@libs/config';
import { bootstrap } from '../../apps/bootstrap';
import type { BootedApp } from './app';
import { createTestDatabase, type TestDatabase } from './postgres';
import { redisUrl, uniquePrefix } from './redis';
import { freePort } from './free-port';

const root = resolve(__dirname, '../..');
/** Where the tests write screenshots (dist/ is not committed; a few are copied to docs/screenshots/ by hand). */
export const screenshotDir = join(root, 'dist/screenshots');

/** The same Debian chromium as the requests tests (test/support/web-browser.ts). */
export { launchChromium as launchBrowser } from './web-browser';

/**
 * Builds the web app into a directory of this test file's own: other test files (and people) may be building
 * dist/web at the same moment. NODE_ENV=production: under Jest it is "test", which would bundle React's
 * development build.
 */
export function buildWebInto(outDir: string): void {
  const res = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  if (res.status !== 0) throw new Error(`web build failed:\n${res.stdout}\n${res.stderr}`);
}

export interface WebApp extends BootedApp {
  db: TestDatabase;
  /** Stops the application, leaves its port closed for `downMs` (a deployment), and starts it again on the same
   * port, database and data directory: the browser's open pages see the service go away and come back. */
  restart(downMs: number): Promise<void>;
}

/** The real application (all roles) serving dist/web at PUBLIC_URL = its own address, with the development sign-in. */
export async function bootWebApp(name: string, env: Record<string, string>, logger: Logger): Promise<WebApp> {
  const webDist = mkdtempSync(join(tmpdir(), 'cr-web-'));
  buildWebInto(webDist);
  // The shipped catalog's OAuth2 apps are offered only with their client settings (issue 11 item 10); these pages
  // never start a grant, so placeholders do.
  for (const app of ['MICROSOFT', 'HUBSPOT', 'GOOGLE']) {
    process.env[`${app}_CLIENT_ID`] ??= `web-test-${app.toLowerCase()}`;
    process.env[`${app}_CLIENT_SECRET`] ??= `web-test-${app.toLowerCase()}-secret`;
  }
  const db = await createTestDatabase(name);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-data-')),
    LOG_LEVEL: 'info',
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    BULL_PREFIX: uniquePrefix(name),
    AUTH_DEV_SIGNIN: 'true',
    WEB_DIST: webDist,
    PUBLIC_URL: url,
    ...env,
    PORT: String(port),
  });
  let app = await bootstrap(config, logger);
  await waitUntilReady(url);
  return {
    get app() {
      return app;
    },
    config,
    url,
    db,
    restart: async (downMs) => {
      await app.close();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      app = await bootstrap(config, logger);
      await waitUntilReady(url);
    },
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}

/** Polls /health/ready (database, Redis, projections) so the first sign-in does not race the start-up. */
async function waitUntilReady(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`${url}/health/ready`).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url}/health/ready never answered 200`);
}

export interface WebUser {
  email: string;
  name: string;
  supportStaff?: boolean;
}

/** Signs in through the development sign-in form, as a person would, and waits to leave the sign-in page. */
export async function signIn(page: Page, url: string, user: WebUser, returnTo?: string): Promise<void> {
  await page.goto(`${url}/signin${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Name').fill(user.name);
  if (user.supportStaff) await page.getByLabel('Support staff').check();
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

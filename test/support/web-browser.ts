import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded browser; flags that keep it quiet and offline on a CI machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Where screenshots go: WEB_E2E_ARTIFACTS when set (CI keeps it), else a fresh temp directory. */
export function artifactDir(name: string): string {
  const base = process.env.WEB_E2E_ARTIFACTS;
  if (base) {
    const dir = join(base, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
  return mkdtempSync(join(tmpdir(), `${name}-`));
}

export interface Violation {
  page: string;
  id: string;
  impact: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations (the tests expect none);
 * `checked` collects the pages looked at.
 */
export async function seriousViolations(page: Page, label: string, checked: string[]): Promise<Violation[]> {
  // WCAG 2.x A/AA rules (as the admin screens' tests): the checks the issue asks for, and faster than every rule.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  checked.push(label);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: label, id: v.id, impact: v.impact ?? '', nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** The development sign-in form, filled and sent as a person would. */
export async function devSignIn(page: Page, person: { email: string; name: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
}

/**
 * Waits until `expression` is true in the page, asking from here every 50 ms. Not `page.waitForFunction`: when its
 * predicate is not true at once, Playwright polls it inside the page through `eval`, which the app's CSP
 * (`script-src 'self'`) refuses — such a wait failed only when it had to wait.
 */
export async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { readFile } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { computeEventHash, GENESIS_HASH } from '@libs/event-store';

interface HistoryFile {
  stream: string;
  serverVerification: { valid: boolean; events: number };
  events: {
    position: string;
    revision: number;
    type: string;
    at: string;
    actorId: string | null;
    data: Record<string, unknown>;
    hash: string;
  }[];
}

/**
 * R10.3 as an auditor meets it on a request's page (an org admin's, open): the browser checks the hashes itself, an
 * event's record opens in its row, and the downloaded file lets the server-side rule recompute every hash. Then the
 * same page fed an altered event (Playwright changes the answer on its way): the browser's check says so, although
 * the server's verdict beside it still reads verified.
 */
export async function auditHistoryInBrowser(page: Page, requestId: string): Promise<void> {
  const section = page.locator('section[aria-labelledby="history-title"]');
  await section.getByText('Checked again in this browser: every hash matches.').waitFor();

  const first = section.locator('tbody tr').first();
  const record = first.locator('details.history-record');
  // Named for its event, not "Show" ten times over.
  await record.locator('summary', { hasText: 'the record of event 0' }).click();
  await record.getByText('Position').waitFor();
  expect(await record.locator('pre').innerText()).toContain('"name"');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download the history (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`credential-request-${requestId}-history.json`);
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as HistoryFile;
  expect(file.stream).toBe(`credential-request-${requestId}`);
  expect(file.serverVerification).toMatchObject({ valid: true, events: file.events.length });
  expect(file.events.length).toBeGreaterThanOrEqual(3);
  let previous = GENESIS_HASH;
  for (const event of file.events) {
    expect(computeEventHash(previous, { ...event, stream: file.stream })).toBe(event.hash);
    expect(Number(event.position)).toBeGreaterThan(0);
    previous = event.hash;
  }

  // An event altered between the store and this page (revision 1's data): the server's word alone would not show it.
  const alter = async (route: Route) => {
    if (!(route.request().postData() ?? '').includes('query RequestHistory')) return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as {
      data: { credentialRequestHistory: { revision: number; data: string }[] };
    };
    const second = body.data.credentialRequestHistory.find((event) => event.revision === 1);
    if (second) second.data = JSON.stringify({ ...JSON.parse(second.data), altered: true });
    await route.fulfill({ response, json: body });
  };
  await page.route('**/graphql', alter);
  await page.reload();
  await section.getByText('Checked again in this browser: the history was altered at revision 1.').waitFor();
  await section.getByText('History verified:', { exact: false }).waitFor();
  await page.unroute('**/graphql', alter);
  // Its last event dropped on the way: what is left checks out, and only the service's count shows it is not whole.
  const cut = async (route: Route) => {
    if (!(route.request().postData() ?? '').includes('query RequestHistory')) return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as { data: { credentialRequestHistory: unknown[] } };
    body.data.credentialRequestHistory.pop();
    await route.fulfill({ response, json: body });
  };
  await page.route('**/graphql', cut);
  await page.reload();
  await section.getByText('The history shown is not whole.', { exact: false }).waitFor();
  await page.unroute('**/graphql', cut);
  await page.reload();
  await section.getByText('Checked again in this browser: every hash matches.').waitFor();
}

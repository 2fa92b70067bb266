import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.ts';
import { loadDemoData } from '../../server/demo/seed.ts';
import { openTestDatabase } from '../support/databases.ts';

// Browser journeys run against the real app: the built web app served by the real
// server on a fresh in-memory database with the demo network, in headless Chromium.

const webBuild = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const axeScript = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  assert.ok(existsSync(webBuild), 'dist/web is missing: run `npx vite build` (or `node scripts/test.ts test/browser`, which builds first)');
  const database = await openTestDatabase('pglite');
  await loadDemoData(database.db);
  const app = await buildApp({ db: database.db, config: loadConfig({ LOTSE_DEMO_DATA: 'false' }), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh browser profile (no cookies) in the given UI language, at desktop width unless told. */
export function newContext(
  browser: Browser,
  server: TestServer,
  options: { locale?: string; width?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: server.url,
    locale: options.locale ?? 'de-DE',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
}

export const DEMO_USERS = {
  admin: 'admin@lotse.example',
  caseManager: 'fallmanager@lotse.example',
  partnerCaseworker: 'jobcoach@lotse.example',
  mentor: 'pate@lotse.example',
  employerContact: 'arbeitgeber@lotse.example',
  analyst: 'bericht@lotse.example',
  dataProtectionOfficer: 'datenschutz@lotse.example',
} as const;

/** Logs in through the login form and waits for the start page. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('main h1').waitFor();
}

/** The labels of the main navigation, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = page.locator('nav#main-navigation a');
  await links.first().waitFor();
  return (await links.allInnerTexts()).map((text) => text.trim());
}

/** WCAG 2.1 A and AA violations axe-core finds on the page as it is now, described for an assertion message. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeScript });
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

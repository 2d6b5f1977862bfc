/**
 * Dialogs in the preview outlive the page that showed them: a reload, or another tab, shows the dialog
 * the add-on still waits on and answers it; a dialog left with no page open is closed as its close
 * button would, and the add-on's execution ends.
 */
import type { Page } from 'playwright-core';
import { chromiumForTests, screenshot } from './support/browser';
import { clickMenu, dialog, openCarryOverPrompt, openPreview, whenReady } from './support/preview-page';
import { type PreviewProcess, startPreview, waitForOutput } from './support/preview-process';

jest.setTimeout(120_000);

const browser = chromiumForTests();

describe('a dialog the add-on waits on', () => {
  let preview: PreviewProcess;
  let page: Page;

  beforeAll(async () => {
    preview = await startPreview();
    page = await openPreview(browser(), preview.url);
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
  });

  test('is shown again after a reload, over the sheets, and answered from the new page', async () => {
    await openCarryOverPrompt(page);
    const message = await dialog(page).locator('#dialog-message').textContent();
    await screenshot(page, 'preview-reload-before');

    await page.reload();
    await whenReady(page);
    await dialog(page).locator('#dialog-input').waitFor();
    expect(await dialog(page).locator('#dialog-message').textContent()).toBe(message);
    // The sheets are drawn behind the dialog, not "Loading…".
    expect(await page.locator('.tab').count()).toBeGreaterThan(3);
    await screenshot(page, 'preview-reload-after');

    await dialog(page).locator('#dialog-input').fill('unfinished');
    await dialog(page).locator('#dialog-input').press('Enter');
    await dialog(page).locator('#dialog-message', { hasText: 'is archived on' }).waitFor();
    await dialog(page).locator('button', { hasText: 'OK' }).click();
    await page.locator('.tab', { hasText: /^Archive / }).waitFor();
    expect(await dialog(page).isVisible()).toBe(false);
  });

  test('is shown in a tab opened after the one that showed it was closed', async () => {
    await clickMenu(page, 'Set up OKR & KPI sheets');
    await dialog(page).locator('#dialog-title', { hasText: 'Set up OKR & KPI sheets' }).waitFor();
    await page.close();

    page = await openPreview(browser(), preview.url);
    await dialog(page).locator('#dialog-title', { hasText: 'Set up OKR & KPI sheets' }).waitFor();
    await dialog(page).locator('button', { hasText: 'No' }).click();
    await dialog(page)
      .locator('#dialog-message', { hasText: /Already there/ })
      .waitFor();
    await dialog(page).locator('button', { hasText: 'OK' }).click();
    expect(await dialog(page).isVisible()).toBe(false);
  });
});

describe('a dialog nobody can answer any more', () => {
  let preview: PreviewProcess;

  beforeAll(async () => {
    preview = await startPreview(['--dialog-timeout', '1']);
  }, 120_000);

  afterAll(async () => {
    await preview?.stop();
  });

  test('is closed as its close button would, and the add-on finishes', async () => {
    let page = await openPreview(browser(), preview.url);
    await openCarryOverPrompt(page);
    await page.close();

    await waitForOutput(preview, 'closed the dialog "Carry key results over');
    page = await openPreview(browser(), preview.url);
    try {
      // The prompt was closed: nothing is asked, and the cycle was not closed.
      expect(await dialog(page).isVisible()).toBe(false);
      expect(await page.locator('.tab', { hasText: /^Archive / }).count()).toBe(0);
      // The add-on's execution ended: the next menu item runs at once.
      await clickMenu(page, 'Set up OKR & KPI sheets');
      await dialog(page).locator('#dialog-title', { hasText: 'Set up OKR & KPI sheets' }).waitFor();
      await dialog(page).locator('button', { hasText: 'Cancel' }).click();
    } finally {
      await page.close();
    }
  });
});

/**
 * Thai stacks vowels and tone marks above and below the line: a box with `line-height: 1` and hidden
 * overflow cuts them off ("ชั่วโมง" reads "ชัวโมง"). This spec puts the classic hard cases into every kind of
 * button, badge, card and title the directory and the board show, and checks that no text's glyph box
 * sticks out of a box that clips it.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, apiAs, baseUrl, MIRROR, openPage, pageReady, signIn, th } from './helpers.ts';

const HARD = 'น้ำ ที่ หนี้ ชั่วโมง ปู่ ฤๅษี';

/** Texts whose glyph box reaches beyond an ancestor that hides its overflow, with how far (px). */
async function clippedTexts(page: Page) {
  return page.evaluate(() => {
    const clips = (el: Element) => {
      const style = getComputedStyle(el);
      return [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
    };
    const found: { text: string; by: string; px: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[\u0E00-\u0E7F]/.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.width === 0) continue;
        for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
          if (!clips(el)) continue;
          const box = el.getBoundingClientRect();
          // A box scrolled or sized to show nothing (visually hidden labels) is not reading text.
          if (box.height < 2 || box.width < 2) break;
          const px = Math.max(box.top - line.top, line.bottom - box.bottom);
          if (px > 1)
            found.push({ text: text.trim().slice(0, 40), by: el.className.toString().slice(0, 60), px });
        }
      }
    }
    return found;
  });
}

describe('Thai text that is read in full', () => {
  let browser: Browser;
  let organisationId: string;
  let problemId: string;
  const tag = randomBytes(3).toString('hex');

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await apiAs(ADMIN);
    const created = await admin.post('/api/v1/organizations', {
      data: {
        nameTh: `ศูนย์น้ำใจที่พึ่ง ${HARD} ${tag}`,
        nameEn: `Hard Thai Case Centre ${tag}`,
        abbreviation: 'ศนท.',
        sector: 'civil_society',
        services: ['shelter', 'interpretation'],
        coverage: ['TH-85'],
        contacts: [
          { type: 'hotline_24h', value: '1300', label: `สายด่วน 24 ชั่วโมง ${HARD}` },
          { type: 'phone_office', value: '077-000-085', label: `สำนักงาน ${HARD}` },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    organisationId = ((await created.json()) as { id: string }).id;
    await admin.dispose();

    const mirror = await apiAs(MIRROR);
    const raised = await mirror.post('/api/v1/problems', {
      data: {
        type: 'problem',
        title: `ผู้เสียหายรอล่าม ${HARD} ${tag}`,
        body: `ผู้เสียหายต้องรอล่ามหลายชั่วโมงที่สถานีตำรวจ ${HARD}`,
        category: 'shelter_protection',
        provinces: ['TH-85'],
        sectors: ['government', 'civil_society'],
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    problemId = ((await raised.json()) as { id: string }).id;
    await mirror.dispose();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('clips no tone mark or vowel in the directory, the board or a problem, on a phone', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, ADMIN);
      const pages: [string, string, string][] = [
        [`/organisations/${organisationId}`, `ศูนย์น้ำใจที่พึ่ง ${HARD} ${tag}`, 'thai-text-organisation'],
        [`/organisations?q=${encodeURIComponent(`ศูนย์น้ำใจ`)}`, th.organisations.title, 'thai-text-directory'],
        [`/problems?q=${encodeURIComponent(tag)}`, th.problems.title, 'thai-text-board'],
        [`/problems/${problemId}`, `ผู้เสียหายรอล่าม ${HARD} ${tag}`, 'thai-text-problem'],
      ];
      for (const [path, title, shot] of pages) {
        await openPage(page, path, title);
        await pageReady(page, title);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => document.fonts.ready);
        expect(await clippedTexts(page), path).toEqual([]);
        await screenshot(page, shot);
      }
    } finally {
      await context.close();
    }
  });
});

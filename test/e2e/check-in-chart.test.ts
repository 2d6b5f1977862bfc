/** The check-in sidebar's chart in Chromium: the projection to the cycle's end, dashed, with the target. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckInPageData, SidebarKeyResult } from '../../src/ui/check-in-handlers';
import { withInitialData } from '../../src/ui/plain';
import { chromiumForTests, screenshot } from './support/browser';

const browser = chromiumForTests();

const week = (n: number) => new Date(Date.UTC(2026, 9, 5 + 7 * n, 9)).toISOString();

const users: SidebarKeyResult = {
  id: 'KR-users',
  objective: 'Grow the business',
  name: 'Reach 1,000 active users',
  owner: 'product@example.com',
  kind: 'linear',
  start: 0,
  target: 1000,
  current: 480,
  score: 0.48,
  status: 'At risk',
  pace: -0.12,
  linkedKpi: null,
  shown: { start: '0', target: '1000', current: '480' },
  problem: null,
  signal: 'Confidence falling (8 to 5)',
  forecast: { time: new Date(Date.UTC(2026, 11, 31)).toISOString(), value: 930 },
  history: [3, 2, 1, 0].map((n) => ({
    time: week(n),
    value: 300 + 60 * n,
    confidence: n === 3 ? 5 : 8,
    comment: '',
    user: 'ada@example.com',
  })),
};

async function openSidebar(keyResult: SidebarKeyResult) {
  const html = readFileSync(join(__dirname, '../../dist/check-in.html'), 'utf8');
  const data: CheckInPageData = { cycleName: '2026 Q4', keyResults: [keyResult], selectedId: keyResult.id };
  const page = await browser().newPage({ viewport: { width: 300, height: 760 } });
  // Google's add-on stylesheet is out of reach here: the page's own script runs once the DOM is read.
  await page.setContent(withInitialData(html, data), { waitUntil: 'domcontentloaded' });
  return page;
}

describe('the check-in sidebar chart', () => {
  it('draws the projection to the cycle end as a dashed line, with the target, and says the pace in words', async () => {
    const page = await openSidebar(users);
    const chart = page.locator('#history svg.chart');
    const projection = chart.locator('line.projection');
    expect(await projection.count()).toBe(1);
    expect(await projection.getAttribute('stroke-dasharray')).toBe('6 4');
    // From the last check-in (the series' last point) to the chart's right edge: the cycle's end.
    const series = ((await chart.locator('polyline.series').getAttribute('points')) ?? '').split(' ');
    const [lastX, lastY] = (series[series.length - 1] ?? '').split(',').map(Number);
    expect(Number(await projection.getAttribute('x1'))).toBeCloseTo(lastX as number, 1);
    expect(Number(await projection.getAttribute('y1'))).toBeCloseTo(lastY as number, 1);
    expect(Number(await projection.getAttribute('x2'))).toBeCloseTo(252, 1);
    // 930 projected lies below the target line (1,000): a larger y on the SVG.
    const targetY = Number(await chart.locator('line.target').getAttribute('y1'));
    expect(Number(await projection.getAttribute('y2'))).toBeGreaterThan(targetY);
    expect(await projection.locator('title').textContent()).toBe("Projected 930 by the cycle's end");
    expect(await page.locator('#projection').textContent()).toBe(
      "Dashed: the trend of this cycle's check-ins leads to 930 by 31 Dec 2026 (target 1000).",
    );
    expect(await page.locator('#kr-card .pace').textContent()).toBe('12 points behind the pace for today');
    expect(await page.locator('#kr-card .note.warn').textContent()).toBe('Confidence falling (8 to 5)');
    await screenshot(page, 'check-in-projection');
    await page.close();
  }, 60_000);

  it('draws no projection without a forecast, and the history still shows', async () => {
    const page = await openSidebar({ ...users, forecast: null, pace: 0.001, signal: '' });
    expect(await page.locator('#history svg.chart polyline.series').count()).toBe(1);
    expect(await page.locator('#history svg.chart line.projection').count()).toBe(0);
    expect(await page.locator('#projection').count()).toBe(0);
    expect(await page.locator('#kr-card .pace').textContent()).toBe('On the pace for today');
    await page.close();
  }, 60_000);
});

// The time from an acknowledgement's 2xx answer to the count on an open episode page (issue #12:
// ≤ 1 s), measured in Debian's chromium through playwright-core (tests/browser/node_modules).
// Run by bench/console.sh; not a test.
//
//   node bench/console.mjs URL COOKIE EPISODE ACK_TOKENS N
//
// ACK_TOKENS: lines "<order_id> <enterprise token>"; the first N are acknowledged one at a time,
// each after a pause of 0.2–1.2 s (so acks land at every phase of the page's poll). The page
// records Date.now() when its acknowledged count (.n-ack) changes; node records Date.now() when
// the ack's 2xx has arrived. Prints one line per ack, "ack_to_page_ms <ms>", then the floor:
// "progress_fetch_ms <ms>" per ack, a progress.json fetch from the page with a stale digest
// (the render and the round trip a change has to make at the least).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../tests/browser/package.json'));
const { chromium } = require('playwright-core');

const [url, cookie, episode, tokensFile, n] = process.argv.slice(2);
const acks = fs.readFileSync(tokensFile, 'utf8').trim().split('\n').slice(0, Number(n)).map((l) => l.split(' '));
const browserPath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath: browserPath, headless: true,
                                        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'hg_session', value: cookie, url }]);
  const page = await context.newPage();
  await page.goto(`${url}/episodes/${episode}`);
  await page.evaluate(() => {
    window.changes = [];
    const section = document.getElementById('progress');
    new MutationObserver(() => {
      const count = section.querySelector('.n-ack')?.textContent;
      if (count !== window.lastCount) window.changes.push({ count, at: Date.now() });
      window.lastCount = count;
    }).observe(section, { childList: true, subtree: true, characterData: true });
    window.lastCount = section.querySelector('.n-ack')?.textContent;
  });
  const floor = [];
  for (const [order, token] of acks) {
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 1000));
    const before = await page.evaluate(() => window.changes.length);
    const r = await fetch(`${url}/v1/orders/${order}/ack`, {
      method: 'POST', body: JSON.stringify({ by: '张三', phone: '13800000000' }),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
    const answered = Date.now();
    if (!r.ok) throw new Error(`ack ${order}: HTTP ${r.status} ${await r.text()}`);
    await page.waitForFunction((b) => window.changes.length > b, before, { timeout: 10000 });
    const shown = await page.evaluate((b) => window.changes[b].at, before);
    console.log(`ack_to_page_ms ${shown - answered}`);
    floor.push(await page.evaluate(async (e) => {
      const t0 = performance.now();
      await (await fetch(`/episodes/${e}/progress.json?digest=stale`)).text();
      return performance.now() - t0;
    }, episode));
  }
  for (const ms of floor) console.log(`progress_fetch_ms ${ms.toFixed(1)}`);
} finally {
  await browser.close();
}

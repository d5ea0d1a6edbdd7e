// What every browser test checks on every page (docs/console.md "Tests").
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;

/// Watches a page: console errors (CSP violations among them), uncaught errors, failed requests,
/// server errors. Statuses a step expects (a refused password: 401) are passed to allow().
export function watch(page, problems) {
  let expected = new Set();
  page.allow = (...statuses) => { expected = new Set(statuses); };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const status = /status of (\d{3})/.exec(m.text());
    if (!status || !expected.has(Number(status[1]))) problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
  // A request the browser itself cancels when the page moves on (the icon of a page left at once)
  // is no failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500 || (r.status() >= 400 && !expected.has(r.status())))
      problems.push(`unexpected ${r.status()} for ${r.request().method()} ${r.url()}`);
  });
}

export async function checkAccessible(page, name, artefacts) {
  await page.screenshot({ path: path.join(artefacts, `${name}.png`), fullPage: true });
  await page.evaluate(axeSource);  // through the DevTools protocol: the page's CSP stays as it is
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [],
                   `axe-core on ${name}`);
}


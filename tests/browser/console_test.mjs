// The console in a real browser (docs/console.md, issue #12 §5): playwright-core drives Debian's
// chromium against a hazeguard started here. A staff member is refused a wrong password, locked
// out after five, signs in, reads the status board and the wall view, has a form without its
// CSRF token refused and signs out; a plant opens its order's link on a 360×640 phone and
// acknowledges it. Every page is checked by axe-core (no "serious" or "critical" violation);
// any console error, CSP violation, failed request or 5xx fails the run. Screenshots go to
// $HG_ARTEFACTS. Run: node tests/browser/console_test.mjs (HG_EXECUTABLE: the hazeguard binary).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkAccessible as checkPage, watch } from './page_checks.mjs';
import { PASSWORD, api, startServer } from './server.mjs';
import { scenarioWalk } from './scenario_walk.mjs';
import { listScreen } from './list_screen.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const here = path.dirname(fileURLToPath(import.meta.url));
const exe = process.env.HG_EXECUTABLE || path.join(here, '../../build/ci/api/hazeguard');
const artefacts = process.env.HG_ARTEFACTS || path.join(here, '../../build/browser-artefacts');
const browserPath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
fs.mkdirSync(artefacts, { recursive: true });
const checkAccessible = (page, name) => checkPage(page, name, artefacts);

async function signIn(page, url, login, password) {
  await page.goto(url + '/sign-in');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('口令').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForLoadState();
}

async function staffDesk(browser, server, problems) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watch(page, problems);

  await page.goto(server.url + '/');
  assert.match(page.url(), /\/sign-in$/, 'the console sends a stranger to the sign-in page');
  await checkAccessible(page, 'sign-in');

  page.allow(401);
  await signIn(page, server.url, 'zhangwei', 'not-the-password');  // a demo account of the first start
  assert.equal(await page.getByRole('alert').textContent(), '账号或口令错误。');
  page.allow(401, 423);
  for (let i = 0; i < 5; ++i) await signIn(page, server.url, 'liuyang', 'wrong-' + i);
  assert.match(await page.getByRole('alert').textContent(), /账号已锁定至\d+月\d+日\d+时/);
  await signIn(page, server.url, 'liuyang', PASSWORD);
  assert.match(await page.getByRole('alert').textContent(), /账号已锁定/, 'the right password does not open a locked account');
  await page.screenshot({ path: path.join(artefacts, 'sign-in-locked.png') });

  page.allow();
  assert.equal(Object.keys(server.demo).length, 5, 'the first start wrote five demo accounts');
  await signIn(page, server.url, 'zhangwei', server.demo.zhangwei);
  assert.equal(new URL(page.url()).pathname, '/');
  const pending = page.getByRole('region', { name: '待审批' });
  await pending.getByText('第1号').waitFor();
  assert.match(await pending.textContent(), /发布黄色预警（Ⅲ级响应）/);
  await page.waitForFunction(() => /^（还有/.test(document.querySelector('.countdown')?.textContent || ''));
  await checkAccessible(page, 'board');

  await page.goto(server.url + '/wall');
  assert.equal(await page.locator('body').getAttribute('data-refresh'), '30');
  await checkAccessible(page, 'wall');
  await page.waitForEvent('load', { timeout: 40000 });  // it reloads by itself


  page.allow(403);
  const forged = await page.request.post(server.url + '/sign-out', { form: { csrf: 'forged' }, maxRedirects: 0 });
  assert.equal(forged.status(), 403, 'a form without the session token is refused');
  const bare = await page.request.post(server.url + '/sign-out', { form: {}, maxRedirects: 0 });
  assert.equal(bare.status(), 403);
  page.allow();
  await page.goto(server.url + '/');
  assert.equal(new URL(page.url()).pathname, '/', 'still signed in after the refusals');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/sign-in$/);
  await page.goto(server.url + '/');
  assert.match(page.url(), /\/sign-in$/, 'signed out');
  await context.close();
}

async function plantPhone(browser, server, problems) {
  await api(server, 'POST', '/v1/proposals/1/approve', server.tokens['approver:deputy_mayor'], { note: '同意' });
  const mine = await api(server, 'GET', '/v1/me/orders', server.tokens.enterprise);
  const link = '/o/' + mine.items[0].link.slice('/v1/links/'.length);

  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true,
                                             deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watch(page, problems);
  await page.goto(server.url + link);
  await page.getByRole('heading', { name: /减排指令/ }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
  await checkAccessible(page, 'order-phone');
  const button = page.getByRole('button', { name: '签收' });
  const box = await button.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 300, `a large 签收 button (${box.width}×${box.height})`);

  await page.getByLabel('签收人姓名').fill('王建国');
  await page.getByLabel('联系电话').fill('0351-5710001');
  await button.tap();
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').textContent(), /已签收：王建国/);
  await checkAccessible(page, 'order-phone-acknowledged');
  const order = await api(server, 'GET', `/v1/orders/${mine.items[0].id}`, server.tokens.duty_officer);
  assert.equal(order.acknowledgement.channel, 'link');
  await context.close();
}

const server = await startServer(exe, [['liuyang', 'duty_officer', '值班员刘洋']]);
const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
let failed = false;
try {
  const forecast = JSON.parse(fs.readFileSync(path.join(here, '../../docs/examples/forecast-c1.json'), 'utf8'));
  const made = await api(server, 'POST', '/v1/forecasts', server.tokens.duty_officer, forecast);
  const start = new Date(Date.now() + 3600e3).toISOString();
  await api(server, 'POST', '/v1/proposals', server.tokens.duty_officer,
            { action: 'issue', level: 'yellow', start_at: start, consultation_note: '省市联合会商：未来两天中度污染', forecast_id: made.id });
  for (const [name, step] of [['staff desk', staffDesk], ['plant phone', plantPhone]]) {
    await step(browser, server, problems);
    console.log(`ok - ${name}`);
  }
  await scenarioWalk(browser, exe, artefacts, problems);
  console.log('ok - the §14 walk in the browser');
  await listScreen(browser, exe, artefacts, problems);
  console.log('ok - the list pages');
  assert.deepEqual(problems, [], 'no console error, failed request or server error');
} catch (e) {
  failed = true;
  console.error(e);
  console.error(server.log().slice(-4000));
} finally {
  await browser.close();
  await server.stop();
}
console.log(failed ? 'FAILED' : `passed; screenshots in ${artefacts}`);
process.exit(failed ? 1 : 0);

// The §14 scenario of the domain brief walked through the console's pages (issue #12 §5), on a
// server of its own: the duty officer enters consultation C1 in the 7-day form (its assessment
// previewed as it is typed) and proposes
// yellow from its assessment; the deputy mayor signs it from the inbox and the notice prints;
// three plants acknowledge on 390×844 phones through their links (one also reports execution)
// while the duty officer's episode page counts them without a reload; a clean forecast leads to
// the lift, which is signed; the evaluation report prints (directives_walk.mjs: the board's count
// of plants not yet reached, then a regional directive recorded and lifted). Every page is
// checked like the others.
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkAccessible, watch } from './page_checks.mjs';
import { api, startServer } from './server.mjs';
import { boardNotReached, recordAndLiftDirective } from './directives_walk.mjs';

// C1 (domain.md §14): [low, central, high, pollutant] for D1…D7, D1 being today.
const C1 = [[110, 128, 145, 'PM2.5'], [145, 162, 180, 'PM2.5'], [160, 178, 195, 'PM2.5'], [130, 146, 165, 'PM2.5'],
            [105, 120, 135, 'PM2.5'], [80, 95, 110, 'PM10'], [65, 80, 95, 'PM10']];
// A clean week: at or below the yellow start criterion from tomorrow on (the 36-hour lift rule).
const CLEAN = [[110, 130, 145, 'PM2.5'], [70, 90, 110, 'PM10'], [60, 80, 95, 'PM10'], [55, 70, 85, 'PM10'],
               [55, 70, 85, 'PM10'], [50, 65, 80, 'PM10'], [50, 65, 80, 'PM10']];
// Three plants of the sample list, in three districts.
const PLANTS = [['91140121MA0TE00013', '晋阳示例焦化'], ['91140122MA0TE0003P', '太原示例水泥'], ['91140109MA0TE0010M', '太原示例热电']];

/// Now in Asia/Shanghai as a datetime-local value ("2026-12-14T10:00").
const nowLocal = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 16);

async function desk(browser, server, problems, login) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watch(page, problems);
  await page.goto(server.url + '/sign-in');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('口令').fill(server.demo[login]);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(server.url + '/');
  return page;
}

async function enterForecast(page, server, days, expected) {
  await page.goto(server.url + '/forecast');
  for (const [i, [low, central, high, pollutant]] of days.entries()) {
    await page.getByLabel(`第${i + 1}天AQI下限`).fill(String(low));
    await page.getByLabel(`第${i + 1}天AQI中值`).fill(String(central));
    await page.getByLabel(`第${i + 1}天AQI上限`).fill(String(high));
    await page.getByLabel(`第${i + 1}天首要污染物`).selectOption(pollutant);
  }
  // The assessment shows as it is typed, before anything is stored.
  await page.locator('#preview .level-name').filter({ hasText: expected }).waitFor();
  await page.getByRole('button', { name: '提交并研判' }).click();
  await page.waitForURL(/\/forecasts\/\d+$/);
}

async function signFromInbox(page, server) {
  await page.goto(server.url + '/proposals');
  await page.getByRole('button', { name: '签发' }).click();
  await page.waitForURL(/\/proposals\/\d+$/);
  assert.match(await page.locator('.status-line').textContent(), /^已签发/);
}

async function plantLink(server, code, name) {
  const issued = await api(server, 'POST', '/v1/tokens', server.tokens.admin, { role: 'enterprise', name, enterprise_id: code });
  const mine = await api(server, 'GET', '/v1/me/orders', issued.token);
  return '/o/' + mine.items[0].link.slice('/v1/links/'.length);
}

async function acknowledgeOnPhone(browser, server, problems, artefacts, link, n) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
                                             deviceScaleFactor: 3, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const phone = await context.newPage();
  watch(phone, problems);
  await phone.goto(server.url + link);
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390 px');
  await phone.getByLabel('签收人姓名').fill(`签收人${n}`);
  await phone.getByLabel('联系电话').fill(`0351-571000${n}`);
  await phone.getByRole('button', { name: '签收' }).tap();
  await phone.getByText(`已签收：签收人${n}`).waitFor();
  return { context, phone };
}

export async function scenarioWalk(browser, exe, artefacts, problems) {
  const server = await startServer(exe, []);
  const check = (page, name) => checkAccessible(page, `walk-${name}`, artefacts);
  try {
    // 1. The duty officer enters C1 and reads the assessment.
    const duty = await desk(browser, server, problems, 'zhangwei');
    await enterForecast(duty, server, C1, '黄色预警（Ⅲ级响应）');
    assert.equal(await duty.locator('.level-name').textContent(), '黄色预警（Ⅲ级响应）');
    assert.match(await duty.locator('.facts').textContent(), /日均AQI＞150持续2天/);
    await check(duty, 'assessment');

    // 2. He proposes yellow from it, effective at once so that the walk reaches the lift.
    assert.equal(await duty.getByLabel('事项').inputValue(), 'issue');
    assert.equal(await duty.getByLabel('预警级别').inputValue(), 'yellow');
    await duty.locator('#start_at').fill(nowLocal());
    await duty.getByRole('button', { name: '呈报' }).click();
    await duty.waitForURL(/\/proposals\/\d+$/);
    assert.equal(await duty.getByRole('button', { name: '签发' }).count(), 0, 'the proposer sees no sign button');
    await check(duty, 'proposal-pending');

    // 3. The deputy mayor signs it from the inbox; the notice prints.
    const deputy = await desk(browser, server, problems, 'liming');
    await deputy.goto(server.url + '/proposals');
    await check(deputy, 'inbox');
    await signFromInbox(deputy, server);
    await check(deputy, 'proposal-signed');
    await deputy.getByRole('link', { name: /打印通知/ }).click();
    await deputy.waitForURL(/\/notice$/);
    const notice = await deputy.pdf({ path: path.join(artefacts, 'walk-notice.pdf'), format: 'A4' });
    assert.ok(notice.length > 5000, 'the notice prints');

    // 4. The duty officer follows the episode while three plants acknowledge on their phones.
    await duty.goto(server.url + '/episodes');
    await duty.getByRole('link', { name: '第1号' }).click();
    await duty.waitForURL(/\/episodes\/1$/);
    assert.equal(await duty.locator('.n-ack').textContent(), '0');
    await duty.evaluate(() => { window.notReloaded = true; });
    const phones = [];
    for (const [i, [code, name]] of PLANTS.entries()) {
      phones.push(await acknowledgeOnPhone(browser, server, problems, artefacts, await plantLink(server, code, name), i + 1));
      await duty.waitForFunction((n) => document.querySelector('.n-ack')?.textContent === String(n), i + 1, { timeout: 10000 });
    }
    assert.equal(await duty.evaluate(() => window.notReloaded), true, 'the progress updated without a reload');
    await check(duty, 'episode-live');
    await check(phones[0].phone, 'order-phone-390');

    // 5. The first plant reports execution from the same page.
    const first = phones[0].phone;
    await first.getByLabel('电表1编号').fill('EM-CO1-PUSH');
    await first.getByLabel('电表1读数（千瓦时）').fill('812.5');
    await first.getByLabel('执行情况说明（可不填）').fill('焦炉已按要求延长结焦时间');
    await first.getByRole('button', { name: '提交执行情况' }).tap();
    await first.getByText(/已于.*报告执行情况/).waitFor();
    await check(first, 'order-phone-executed');
    for (const p of phones) await p.context.close();
    const csv = await duty.request.get(server.url + '/episodes/1/orders.csv?status=executed');
    assert.match(await csv.text(), /晋阳示例焦化有限公司/);

    // 5½. The board counts the plants not yet reached and links to them.
    await boardNotReached(duty, server, check);

    // 6. A clean forecast: the assessment calls for the lift; proposed and signed.
    await enterForecast(duty, server, CLEAN, '未达到预警条件');
    assert.equal(await duty.locator('.level-name').textContent(), '未达到预警条件');
    assert.equal(await duty.getByLabel('事项').inputValue(), 'lift');
    await duty.getByRole('button', { name: '呈报' }).click();
    await duty.waitForURL(/\/proposals\/\d+$/);
    await signFromInbox(deputy, server);
    assert.match(await deputy.locator('h1').textContent(), /解除/);

    // 7. The evaluation report prints.
    await duty.goto(server.url + '/episodes/1');
    await duty.getByRole('link', { name: '打印后评估报告' }).click();
    await duty.waitForURL(/\/report$/);
    const report = await duty.pdf({ path: path.join(artefacts, 'walk-report.pdf'), format: 'A4' });
    assert.ok(report.length > 10000, 'the report prints');

    // 8. A regional directive recorded from the directive page, on the board, lifted.
    await recordAndLiftDirective(duty, server, check);
    await duty.context().close();
    await deputy.context().close();
  } catch (e) {
    console.error(server.log().slice(-3000));
    throw e;
  } finally {
    await server.stop();
  }
}

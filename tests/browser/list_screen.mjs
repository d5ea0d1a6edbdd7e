// The list pages (issue #12 §2 "List") in the browser, on a server of its own (it starts with a
// generated 20-plant list as version 1): the duty officer uploads a list with faults and reads
// the problem table (行, 字段, 问题) with its count, is offered no import; uploads the clean
// sample list (one plant regraded), checks and imports it, sees version 2 in force and in the versions table, and
// compares versions 1 and 2 (删除, 变更 with the field). Every page is checked like the others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAccessible, watch } from './page_checks.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function listScreen(browser, exe, artefacts, problems) {
  const server = await startServer(exe, []);
  const check = (page, name) => checkAccessible(page, `lists-${name}`, artefacts);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-lists-'));
  try {
    const sample = fs.readFileSync(path.join(here, '../../plans/lists/taiyuan-sample.json'), 'utf8');
    const faulty = JSON.parse(sample);
    faulty.enterprises[2].credit_code = '91140122MA0TE00031';  // a wrong check character
    faulty.enterprises[4].grade = 'E';
    faulty.enterprises[6].contacts = [];
    fs.writeFileSync(path.join(files, 'faulty.json'), JSON.stringify(faulty));
    fs.writeFileSync(path.join(files, 'faulty.csv'), 'credit_code,name\n91140121MA0TE00013,甲\n');
    const regraded = JSON.parse(sample);
    regraded.enterprises[0].grade = 'A';  // the coking plant, B on version 1
    fs.writeFileSync(path.join(files, 'sample.json'), JSON.stringify(regraded, null, 2));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    watch(page, problems);
    await page.goto(server.url + '/sign-in');
    await page.getByLabel('账号').fill('zhangwei');
    await page.getByLabel('口令').fill(server.demo.zhangwei);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(server.url + '/');
    await page.getByRole('link', { name: '减排清单' }).click();
    await page.waitForURL(server.url + '/lists');
    assert.match(await page.locator('main').textContent(), /现行清单：第1版，共20家企业/);
    await check(page, 'in-force');

    // 1. A list with faults: the problem table, no import.
    await page.getByLabel('清单文件').setInputFiles(path.join(files, 'faulty.json'));
    await page.getByRole('button', { name: '检查' }).click();
    const result = page.locator('#check-result');
    await result.waitFor();
    assert.equal(await result.textContent(), '发现3处问题，清单未导入。请修改后重新检查。');
    const rows = page.locator('table.problems tbody tr');
    assert.equal(await rows.count(), 3);
    assert.deepEqual(await rows.nth(0).locator('td').allTextContents(),
                     ['第3家', '统一社会信用代码', '统一社会信用代码校验位错误（为“1”，按GB 32100-2015应为“P”）']);
    assert.match(await rows.nth(1).textContent(), /绩效分级“E”不在预案规定范围内/);
    assert.match(await rows.nth(2).textContent(), /至少应填报一名联系人/);
    assert.equal(await page.getByRole('button', { name: '导入此清单' }).isVisible(), false, 'a faulty list cannot be imported');
    await check(page, 'problems');

    await page.getByLabel('清单文件').setInputFiles(path.join(files, 'faulty.csv'));
    await page.getByRole('button', { name: '检查' }).click();
    await page.locator('#check-result').filter({ hasText: '处问题' }).waitFor();
    assert.match(await page.locator('table.problems').textContent(), /缺少必填列/);

    // 2. The clean sample: checked, imported, in force.
    await page.getByLabel('清单文件').setInputFiles(path.join(files, 'sample.json'));
    await page.getByRole('button', { name: '检查' }).click();
    await page.locator('#check-result').filter({ hasText: '检查通过' }).waitFor();
    assert.match(await page.locator('#check-result').textContent(), /共10家企业/);
    await page.getByRole('button', { name: '导入此清单' }).click();
    await page.waitForURL(server.url + '/lists?imported=2');
    assert.equal(await page.getByRole('status').first().textContent(), '已导入清单第2版。');
    assert.match(await page.locator('main').textContent(), /现行清单：第2版，共10家企业/);
    const versions = page.locator('section', { has: page.getByRole('heading', { name: '历史版本' }) }).locator('tbody tr');
    assert.equal(await versions.count(), 2);
    assert.match(await versions.nth(0).textContent(), /第2版（现行）.*控制台导入/);
    await check(page, 'imported');

    // 3. What changed from version 1 to version 2.
    assert.equal(await page.getByLabel('比较').inputValue(), '1');
    assert.equal(await page.getByLabel('与').inputValue(), '2');
    await page.getByRole('button', { name: '查看变化' }).click();
    await page.waitForURL(/\/lists\/changes\?from=1&to=2$/);
    const counts = await page.locator('#change-counts').textContent();
    const [, added, removed] = /新增(\d+)家，删除(\d+)家，变更(\d+)家/.exec(counts).map(Number);
    assert.equal(20 - removed + added, 10, `20 plants, less those removed, and those added are the 10 of version 2: ${counts}`);
    const regradedRow = page.locator('table.changes tbody tr', { hasText: '91140121MA0TE00013' });
    assert.deepEqual((await regradedRow.locator('td').allTextContents()).slice(2), ['变更', '绩效分级：B → A']);
    await check(page, 'changes');
    await context.close();
  } finally {
    fs.rmSync(files, { recursive: true, force: true });
    await server.stop();
  }
}

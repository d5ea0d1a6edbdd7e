// The board's never-reached count and the directive page in the browser (docs/console.md), on the
// §14 walk's server: while its episode is in force the board counts the plants no channel has
// reached and links to them on the episode page; at the end of the walk the duty officer records
// a regional directive from the form (a form without its fields first comes back with them
// marked), sees it on the board, and lifts it.
import assert from 'node:assert/strict';

/// Now plus `hours` in Asia/Shanghai as a datetime-local value.
const localIn = (hours) => new Date(Date.now() + (8 + hours) * 3600e3).toISOString().slice(0, 16);

export async function boardNotReached(duty, server, check) {
  // The board: the episode in force, its plants not yet reached (no text or webhook channel here).
  await duty.goto(server.url + '/');
  const notReached = duty.locator('.n-not-reached');
  assert.match(await notReached.textContent(), /^\d+$/);
  assert.ok(Number(await notReached.textContent()) > 0, 'the board counts the plants not yet reached');
  await check(duty, 'board-orders');
  await duty.getByRole('link', { name: /尚未送达/ }).click();
  await duty.waitForURL(/\/episodes\/1\?reached=false#orders$/);
  assert.equal(await duty.getByLabel('送达').inputValue(), 'false');
}

export async function recordAndLiftDirective(duty, server, check) {
  // The directive page, from the menu: a form without its fields comes back with them marked.
  await duty.goto(server.url + '/');
  await duty.getByRole('link', { name: '区域指令' }).click();
  await duty.waitForURL(/\/directives$/);
  await check(duty, 'directives-empty');
  duty.allow(422);
  await duty.getByRole('button', { name: '登记' }).click();
  await duty.getByRole('alert').waitFor();
  assert.equal(await duty.locator('#issuer').getAttribute('aria-invalid'), 'true');
  assert.equal(await duty.locator('#reference').getAttribute('aria-invalid'), 'true');
  await check(duty, 'directives-422');
  duty.allow();

  // Recorded, in force, on the board; then lifted.
  await duty.getByLabel('下达单位').selectOption('shanxi');
  await duty.getByLabel('指令级别').selectOption('yellow');
  await duty.getByLabel('生效时间').fill(localIn(-1));
  await duty.getByLabel('文号或标题').fill('晋环发〔2026〕12号');
  await duty.getByRole('button', { name: '登记' }).click();
  await duty.waitForURL(/\/directives$/);
  const row = duty.getByRole('row', { name: /晋环发〔2026〕12号/ });
  assert.match(await row.textContent(), /生效中/);
  await check(duty, 'directives-in-force');
  await duty.goto(server.url + '/');
  assert.match(await duty.getByRole('region', { name: '执行中的区域应急指令' }).textContent(), /山西省：黄色预警.*晋环发〔2026〕12号/);
  await duty.goto(server.url + '/directives');
  await row.getByRole('button', { name: '解除' }).click();
  await duty.waitForURL(/\/directives$/);
  assert.match(await duty.getByRole('row', { name: /晋环发〔2026〕12号/ }).textContent(), /已结束/);
}

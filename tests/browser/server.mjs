// A hazeguard server for the browser tests: its own database in a temporary folder, the demo
// console accounts of its first start (--demo-accounts), more made with `hazeguard user create`
// while it runs (password on stdin), and the demo tokens for API set-up steps.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PASSWORD = '霾天值守-2026-correct';

export function createAccount(exe, db, login, role, name, authority) {
  const args = ['user', 'create', '--db', db, '--login', login, '--role', role, '--name', name];
  if (authority) args.push('--authority', authority);
  const r = spawnSync(exe, args, { input: PASSWORD + '\n', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`user create ${login}: ${r.stderr}`);
}

async function healthy(url) {
  try {
    return (await fetch(url + '/healthz')).ok;
  } catch {
    return false;
  }
}

/// The lines "login role name password" of the demo accounts file, as { login: password }.
function readDemoAccounts(file) {
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n'))
    if (line && !line.startsWith('#')) out[line.split(' ')[0]] = line.split(' ')[3];
  return out;
}

/// Starts `hazeguard serve` on a free port; resolves with { url, tokens, demo, stop }.
export async function startServer(exe, accounts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-browser-'));
  const db = path.join(dir, 'hazeguard.sqlite');
  for (let attempt = 0; attempt < 5; ++attempt) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(exe, ['serve', '--port', String(port), '--db', db, '--demo-tokens', path.join(dir, 'tokens.txt'),
                              '--demo-accounts', path.join(dir, 'accounts.txt'), '--sample-size', '20', '--threads', '2'],
                        { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100 && child.exitCode === null; ++i) {
      if (await healthy(url)) {
        const tokens = {};
        for (const line of fs.readFileSync(path.join(dir, 'tokens.txt'), 'utf8').split('\n')) {
          const [role, , token] = line.split(' ');
          if (token && !line.startsWith('#') && !tokens[role]) tokens[role] = token;
        }
        for (const a of accounts) createAccount(exe, db, ...a);  // beside the running server, as an admin would
        const demo = readDemoAccounts(path.join(dir, 'accounts.txt'));
        const stop = async () => {
          child.kill('SIGTERM');
          await new Promise((done) => (child.exitCode !== null ? done() : child.on('exit', done)));
          fs.rmSync(dir, { recursive: true, force: true });
        };
        return { url, tokens, demo, stop, log: () => log };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    if (!log.includes('address already in use') && !log.includes('Address already in use')) throw new Error('hazeguard did not start:\n' + log);
  }
  throw new Error('no free port for hazeguard');
}

/// One API call with a bearer token; resolves with the parsed JSON, throws on a non-2xx answer.
export async function api(server, method, target, token, body) {
  const r = await fetch(server.url + target, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${target}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

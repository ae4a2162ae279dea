import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { openDb } from '../../server/store/db.ts';
import { addUser } from '../../server/ops/accounts.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { tempDir, runCli } from '../helpers.ts';

describe('http/accounts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let dbPath: string;
  before(async () => {
    tmp = tempDir();
    dbPath = join(tmp.dir, 'acc.db');
    const db = openDb(dbPath);
    seedDemo(db, 'seed', { runChecks: false });
    addUser(db, 'tara', 'translator', 'translator-pass-1', 'setup');
    addUser(db, 'eddie', 'editor', 'editor-pass-123', 'setup');
    addUser(db, 'ada', 'admin', 'admin-pass-1234', 'setup');
    addUser(db, 'lockme', 'translator', 'lockme-pass-123', 'setup');
    expect(db.prepare('SELECT password_hash FROM users').pluck().all().every((h) => String(h).startsWith('scrypt$'))).to.equal(true);
    db.close();
    server = await startServer({ dbPath, port: 0, accounts: true, seed: false, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  type Session = { cookie: string; csrf: string };
  const signIn = async (name: string, password: string): Promise<Session> => {
    const res = await fetch(new URL('/api/login', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
    expect(res.status).to.equal(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).to.match(/HttpOnly/).and.to.match(/SameSite=Strict/);
    return { cookie: setCookie.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  const call = async (method: string, path: string, s?: Session, body?: unknown, csrf = true) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Reviewer': 'spoofed' };
    if (s) headers.Cookie = s.cookie;
    if (s && csrf) headers['X-CSRF-Token'] = s.csrf;
    const res = await fetch(new URL(path, server.url), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers };
  };

  it('refuses every API call without a session, and a wrong password', async () => {
    expect((await call('GET', '/api/statements')).body).to.include({ status: 401, code: 'unauthorized' });
    const bad = await fetch(new URL('/api/login', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"tara","password":"nope-nope-nope"}' });
    expect(bad.status).to.equal(401);
    expect(bad.headers.get('set-cookie')).to.equal(null);
  });

  it('needs the CSRF token for writes, and records the signed-in user, not a header', async () => {
    const tara = await signIn('tara', 'translator-pass-1');
    const beads = (await call('GET', '/api/statements/1', tara)).body.alignment.beads;
    const noToken = await call('POST', `/api/beads/${beads[0].id}/flags`, tara, { category: 'style' }, false);
    expect(noToken.body).to.include({ status: 403, code: 'csrf' });
    const ok = await call('POST', `/api/beads/${beads[0].id}/flags`, tara, { category: 'style', comment: 'register' });
    expect(ok.status).to.equal(201);
    expect(ok.body.flag.author).to.equal('tara');
    expect((await call('GET', '/api/me', tara)).body.user).to.deep.equal({ name: 'tara', role: 'translator' });
  });

  it('enforces roles: translators flag, editors resolve, edit the glossary and export, admins delete', async () => {
    const tara = await signIn('tara', 'translator-pass-1');
    const eddie = await signIn('eddie', 'editor-pass-123');
    const ada = await signIn('ada', 'admin-pass-1234');
    const bead = (await call('GET', '/api/statements/1', tara)).body.alignment.beads[1];
    const flag = (await call('POST', `/api/beads/${bead.id}/flags`, tara, { category: 'meaning' })).body.flag;
    expect((await call('PATCH', `/api/flags/${flag.id}`, tara, { status: 'resolved', version: flag.version })).body).to.include({ status: 403, code: 'forbidden' });
    expect((await call('PATCH', `/api/flags/${flag.id}`, eddie, { status: 'resolved', version: flag.version })).status).to.equal(200);
    expect((await call('POST', '/api/glossary', tara, { terms: { en: 'drill', ko: '훈련' } })).status).to.equal(403);
    expect((await call('POST', '/api/glossary', eddie, { terms: { en: 'drill', ko: '훈련' } })).status).to.equal(201);
    expect((await call('GET', '/api/export?format=tsv', tara)).status).to.equal(403);
    expect((await call('GET', '/api/export?format=tsv', eddie)).status).to.equal(200);
    expect((await call('DELETE', '/api/statements/2', eddie)).status).to.equal(403);
    expect((await call('DELETE', '/api/statements/2', ada)).status).to.equal(200);
    expect((await call('GET', '/api/statements/2', ada)).status).to.equal(404);
  });

  it('leaves dismissing an error or a warning to editors, who can restore a dismissed one', async () => {
    const tara = await signIn('tara', 'translator-pass-1');
    const eddie = await signIn('eddie', 'editor-pass-123');
    const findings = (await call('POST', '/api/statements/1/checks', tara)).body.findings as { id: number; severity: string; check: string; message: string; status: string }[];
    const error = findings.find((f) => f.severity === 'error' && f.check === 'numbers')!;
    const info = findings.find((f) => f.severity === 'info')!;
    const status = async (fid: number) => ((await call('GET', '/api/statements/1/findings', tara)).body.findings as { id: number; status: string }[]).find((f) => f.id === fid)?.status;
    const refused = await call('POST', `/api/findings/${error.id}/dismiss`, tara);
    expect(refused.body).to.deep.equal({ ok: false, status: 403, code: 'forbidden', error: "Dismissing an error of the numbers check is an editor's decision; tara is a translator" });
    expect(await status(error.id)).to.equal('suggested');
    // An informational suggestion is anyone's to dismiss.
    expect((await call('POST', `/api/findings/${info.id}/dismiss`, tara)).body.finding.status).to.equal('dismissed');
    expect((await call('POST', `/api/findings/${error.id}/dismiss`, eddie)).body.finding.status).to.equal('dismissed');
    const report = async () => (await call('GET', '/api/report?format=csv&statement=1', eddie)).body as string;
    expect(await report()).to.not.include('1.5192 trillion');
    // Restoring is an editor's too; it brings the finding back to the review and the report.
    expect((await call('POST', `/api/findings/${error.id}/restore`, tara)).body).to.include({ status: 403, code: 'forbidden' });
    expect((await call('POST', `/api/findings/${error.id}/restore`, eddie)).body.finding).to.include({ id: error.id, status: 'suggested' });
    await call('POST', '/api/statements/1/checks', tara);
    expect(await status(error.id)).to.equal('suggested');
    expect(await report()).to.include('1.5192 trillion');
    const events = (await call('GET', '/api/statements/1/events', eddie)).body.events as { action: string; actor: string; entityId: number }[];
    expect(events.find((e) => e.action === 'finding.restore')).to.include({ actor: 'eddie', entityId: error.id });
    expect((await call('POST', `/api/findings/${error.id}/restore`, eddie)).body).to.include({ status: 409, code: 'conflict' });
  });

  it('leaves a resolved or won\'t-fix flag to editors; its thread stays open to everyone', async () => {
    const tara = await signIn('tara', 'translator-pass-1');
    const eddie = await signIn('eddie', 'editor-pass-123');
    const bead = (await call('GET', '/api/statements/1', tara)).body.alignment.beads[2];
    const flag = (await call('POST', `/api/beads/${bead.id}/flags`, tara, { category: 'meaning', comment: 'condemned ↔ 규탄: fine?' })).body.flag;
    const resolved = (await call('PATCH', `/api/flags/${flag.id}`, eddie, { status: 'resolved', comment: 'Checked with the ministry: 규탄 is their standard term.', version: flag.version })).body.flag;
    const overwrite = await call('PATCH', `/api/flags/${flag.id}`, tara, { comment: 'still unsure', version: resolved.version });
    expect(overwrite.body).to.deep.equal({ ok: false, status: 403, code: 'forbidden', error: "Changing a flag marked resolved is an editor's decision; tara is a translator" });
    expect((await call('PATCH', `/api/flags/${flag.id}`, tara, { status: 'open', version: resolved.version })).status).to.equal(403);
    const thread = await call('POST', `/api/flags/${flag.id}/comments`, tara, { body: 'still unsure about 규탄' });
    expect(thread.status).to.equal(201);
    expect(thread.body.flag).to.include({ status: 'resolved', comment: 'Checked with the ministry: 규탄 is their standard term.' });
    expect((await call('PATCH', `/api/flags/${flag.id}`, eddie, { status: 'open', version: thread.body.flag.version })).body.flag.status).to.equal('open');
  });

  it('lets a translator raise a flag\'s severity, and leaves lowering it to editors', async () => {
    const tara = await signIn('tara', 'translator-pass-1');
    const eddie = await signIn('eddie', 'editor-pass-123');
    const bead = (await call('GET', '/api/statements/1', tara)).body.alignment.beads[6];
    const flag = (await call('POST', `/api/beads/${bead.id}/flags`, tara, { category: 'number', severity: 'minor', comment: '1.5192 trillion ≠ 1조 4,028억' })).body.flag;
    const raised = await call('PATCH', `/api/flags/${flag.id}`, tara, { severity: 'critical', version: flag.version });
    expect(raised.body.flag).to.include({ severity: 'critical', version: flag.version + 1 });
    const lowered = await call('PATCH', `/api/flags/${flag.id}`, tara, { severity: 'major', version: raised.body.flag.version });
    expect(lowered.body).to.deep.equal({ ok: false, status: 403, code: 'forbidden', error: "Lowering a flag's severity from critical to major is an editor's decision; tara is a translator" });
    expect((await call('PATCH', `/api/flags/${flag.id}`, eddie, { severity: 'major', version: raised.body.flag.version })).body.flag.severity).to.equal('major');
    const unknown = await call('PATCH', `/api/flags/${flag.id}`, eddie, { severity: 'minor', categroy: 'meaning', version: raised.body.flag.version + 1 });
    expect(unknown.body).to.include({ status: 400, code: 'bad_request' });
    expect(unknown.body.error).to.match(/"categroy"/);
  });

  it('refuses sign-in after 10 failures for a name, even with the right password', async () => {
    const attempt = (password: string) =>
      fetch(new URL('/api/login', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'lockme', password }) }).then((r) => r.status);
    for (let i = 0; i < 10; i++) expect(await attempt('wrong-password-' + i)).to.equal(401);
    expect(await attempt('lockme-pass-123')).to.equal(429);
  });

  it('ends the session on logout', async () => {
    const tara = await signIn('tara', 'translator-pass-1');
    expect((await call('POST', '/api/logout', tara)).status).to.equal(200);
    expect((await call('GET', '/api/statements', tara)).status).to.equal(401);
  });

  it('sends security headers', async () => {
    const res = await fetch(new URL('/', server.url));
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'");
    expect(res.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
  });

  it('will not serve beyond loopback without accounts', async () => {
    const empty = join(tmp.dir, 'empty.db');
    let err: Error | undefined;
    await startServer({ dbPath: empty, port: 0, host: '0.0.0.0', log: () => {} }).then((s) => s.close(), (e: Error) => (err = e));
    expect(err?.message).to.match(/needs accounts.*twintext user add NAME --role admin/);
  });

  it('manages users from the CLI', async () => {
    const db = join(tmp.dir, 'users.db');
    const add = await runCli(['user', 'add', 'Kim Editor', '--role', 'editor', '--db', db], { env: { TWINTEXT_PASSWORD: 'long-enough-pass' } });
    expect(add.code, add.stderr).to.equal(0);
    const weak = await runCli(['user', 'add', 'weak', '--role', 'editor', '--db', db], { env: { TWINTEXT_PASSWORD: 'short' } });
    expect([weak.code, weak.stderr]).to.deep.equal([1, 'twintext: a password needs at least 10 characters\n']);
    await runCli(['user', 'disable', 'Kim Editor', '--db', db]);
    expect((await runCli(['user', 'list', '--db', db])).stdout).to.equal('1\tKim Editor\teditor\tdisabled\n');
  });
});

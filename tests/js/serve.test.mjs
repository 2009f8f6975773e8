// web/serve.mjs under hostile requests: every one gets a proper status and the server keeps
// serving (a single /%E0%A4%A used to end it with an uncaught URIError).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from './support.mjs';

const { serve, MAX_URL } = await import(join(repo, 'web', 'serve.mjs'));
const parent = mkdtempSync(join(tmpdir(), 'initlab-serve-'));
const root = join(parent, 'root');
mkdirSync(join(root, 'sub'), { recursive: true });
mkdirSync(join(root, '%2e%2e'));  // what a double-encoded '..' names once decoded
writeFileSync(join(root, 'index.html'), '<p>page</p>');
writeFileSync(join(root, 'm.wasm'), Buffer.from([0, 97, 115, 109]));
writeFileSync(join(root, 'sub', 'index.html'), '<p>sub</p>');
writeFileSync(join(root, '%2e%2e', 'inside.txt'), 'inside');
writeFileSync(join(parent, 'secret.txt'), 'secret');
let server;
let port;
before(async () => { server = await serve(root); port = server.address().port; });
after(() => server.close());

// A raw request line, so that no client library normalizes the path first.
function raw(path, { method = 'GET', headers = {} } = {}) {
  return new Promise((ok, bad) => {
    const s = connect(port, '127.0.0.1');
    const chunks = [];
    s.on('data', (d) => chunks.push(d));
    s.on('end', () => {
      const data = Buffer.concat(chunks).toString('latin1');
      const split = data.indexOf('\r\n\r\n');
      const lines = data.slice(0, split).split('\r\n');
      const h = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      ok({ status: Number(lines[0].split(' ')[1]), headers: h, body: data.slice(split + 4) });
    });
    s.on('error', bad);
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    s.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`);
  });
}

test('serves files with their MIME type; HEAD has the headers and no body; other methods 405', async () => {
  const r = await raw('/m.wasm');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'application/wasm');
  assert.equal(r.body, '\0asm');
  const h = await raw('/', { method: 'HEAD' });
  assert.equal(h.status, 200);
  assert.equal(h.headers['content-length'], '11');
  assert.equal(h.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(h.body, '');
  assert.equal((await raw('/nothing', { method: 'HEAD' })).status, 404);
  for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    const r405 = await raw('/', { method: m });
    assert.equal(r405.status, 405, m);
    assert.equal(r405.headers.allow, 'GET, HEAD');
  }
});

test('malformed percent-encodings, NUL, backslashes, non-origin forms: 400; long URLs 414, huge headers 431', async () => {
  for (const p of ['/%E0%A4%A', '/%', '/%zz', '/%C0%AF', '/a%00b', '/%00', '/..%5c..%5csecret.txt', '/%5c', '/sub\\..\\..\\secret.txt', 'index.html', 'http://x/index.html']) {
    assert.equal((await raw(p)).status, 400, p);
  }
  assert.equal((await raw(`/${'a'.repeat(MAX_URL)}`)).status, 414);
  assert.equal((await raw(`/${'a'.repeat(20000)}`)).status, 431);  // past Node's 16 KiB of headers
  assert.equal((await raw('/', { headers: { 'X-Big': 'b'.repeat(20000) } })).status, 431);
  assert.equal((await raw('/')).status, 200);
});

test('path traversal in every spelling never leaves the root', async () => {
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/sub/../../secret.txt', '/sub/%2e%2e/%2e%2e/secret.txt',
    '/.%2e/secret.txt', '/%2e./secret.txt', '/./index.html', '/sub/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..', '/%2e%2e']) {
    const r = await raw(p);
    assert.equal(r.status, 403, p);
    assert.doesNotMatch(r.body, /secret/);
  }
  // Decoded once only: a double-encoded '..' is the literal directory name %2e%2e.
  assert.equal((await raw('/%252e%252e/secret.txt')).status, 404);
  assert.equal((await raw('/%252e%252e%252fsecret.txt')).status, 404);
  const inside = await raw('/%252e%252e/inside.txt');
  assert.equal(inside.status, 200);
  assert.equal(inside.body, 'inside');
});

test('a directory without its slash redirects relatively; conditional requests get 304', async () => {
  const r = await raw('/sub');
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, './sub/');
  const first = await raw('/sub/?x=1');
  assert.equal(first.status, 200);
  assert.equal(first.body, '<p>sub</p>');
  const etag = first.headers.etag;
  const lastModified = first.headers['last-modified'];
  const status = async (headers) => (await raw('/sub/', { headers })).status;
  assert.equal(await status({ 'If-None-Match': etag }), 304);
  assert.equal(await status({ 'If-None-Match': `"x", W/${etag}` }), 304);
  assert.equal(await status({ 'If-None-Match': '*' }), 304);
  assert.equal(await status({ 'If-None-Match': '"other"' }), 200);
  // If-None-Match wins: a stale tag with a current date is a full answer.
  assert.equal(await status({ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }), 200);
  assert.equal(await status({ 'If-Modified-Since': lastModified }), 304);
  assert.equal(await status({ 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' }), 200);
  assert.equal(await status({ 'If-Modified-Since': 'garbage' }), 200);
  const notModified = await raw('/sub/', { headers: { 'If-None-Match': etag } });
  assert.equal(notModified.body, '');
  assert.equal(notModified.headers.etag, etag);
  assert.equal((await raw('/nothing')).status, 404);
});

test('1,000 concurrent requests, good and bad, all answered properly; the server still serves', async () => {
  const want = { '/': 200, '/m.wasm': 200, '/%E0%A4%A': 400, '/../secret.txt': 403, '/missing': 404, '/%2e%2e/secret.txt': 403, '/sub': 301, '/a%00': 400 };
  const paths = Array.from({ length: 1000 }, (_, i) => Object.keys(want)[i % Object.keys(want).length]);
  const statuses = await Promise.all(paths.map((p) => raw(p).then((r) => r.status)));
  statuses.forEach((s, i) => assert.equal(s, want[paths[i]], paths[i]));
  const ok = await new Promise((done, fail) => request({ port, host: '127.0.0.1', path: '/' }, (res) => { res.resume(); done(res.statusCode); }).on('error', fail).end());
  assert.equal(ok, 200);
});

// A static file server for the built playground, nothing else: no server logic, no writes.
//   node web/serve.mjs [DIR=build/wasm/web] [PORT=8765]   (PORT 0 picks a free one)
// Serves on 127.0.0.1 with the MIME types browsers insist on (application/wasm for streaming
// compilation, text/javascript for module scripts) and prints the URL. Tests import serve().
// Every request gets a status whatever it holds: 400 for a malformed URL (a bad percent-encoding
// such as /%E0%A4%A, a NUL, a backslash, not starting with /), 414 past MAX_URL, 431 for headers
// past Node's limit, 403 for a path out of the root (a '..' or '.' segment in any spelling; the
// path is decoded exactly once, so a double-encoded %252e%252e is the literal name %2e%2e), 405
// for methods other than GET and HEAD. Nothing a request holds can throw outside the handler, so
// one bad link never ends the server. (A handler of its own rather than a static-file package:
// 80 lines with no dependency, held to this by tests/js/serve.test.mjs.)
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};
export const MAX_URL = 2048;
// The page's Content-Security-Policy (the <meta> in index.html holds the same, for hosts that
// send none), sent with every file: as a header it also covers the worker, whose policy comes
// from its own script's response.
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

const answer = (res, status, text, headers = {}) =>
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) + 1, ...headers }).end(`${text}\n`);

// The request's path as segments below the root, or the status to answer with.
function segments(url) {
  if (url.length > MAX_URL) return 414;
  if (!url.startsWith('/')) return 400;
  let path;
  try {
    path = decodeURIComponent(url.split(/[?#]/, 1)[0]);
  } catch {
    return 400;  // URIError: a malformed percent-encoding
  }
  if (path.includes('\0') || path.includes('\\')) return 400;
  const parts = path.split('/').slice(1);
  if (parts.some((p) => p === '..' || p === '.')) return 403;
  return parts;
}

// If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2); HTTP dates have whole seconds.
function notModified(req, etag, mtimeMs) {
  const match = req.headers['if-none-match'];
  if (match !== undefined) {
    return match.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || tag.replace(/^W\//, '') === etag;
    });
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

const MESSAGES = { 400: 'bad request', 403: 'forbidden', 414: 'URL too long' };

function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  const parts = segments(req.url);
  if (typeof parts === 'number') return answer(res, parts, MESSAGES[parts]);
  let file = resolve(root, ...parts);
  if (file !== root && !file.startsWith(root + sep)) return answer(res, 403, 'forbidden');
  let stat;
  try {
    stat = statSync(file);
    if (stat.isDirectory()) {
      // Relative URLs in the page resolve against the directory only with its trailing slash.
      // The Location is relative (./name/), so the redirect never leaves the host or sub-path.
      const path = req.url.split(/[?#]/, 1)[0];
      if (!path.endsWith('/')) return answer(res, 301, 'moved', { Location: `./${path.slice(path.lastIndexOf('/') + 1)}/` });
      file = join(file, 'index.html');
      stat = statSync(file);
    }
    if (!stat.isFile()) return answer(res, 404, 'not found');
  } catch {
    return answer(res, 404, 'not found');
  }
  // Revalidated on every load (no-cache) but answered 304 when unchanged, which also lets
  // Chromium keep the compiled wasm in its code cache between visits.
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': new Date(stat.mtimeMs).toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
  };
  if (notModified(req, etag, stat.mtimeMs)) return res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'Content-Length': stat.size });
  if (req.method === 'HEAD') return res.end();
  // A file that vanishes or fails mid-read ends this response only.
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

export function serve(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    try {
      handle(root, req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else answer(res, 500, 'internal error');
    }
  });
  // Malformed HTTP (before any handler): 431 for headers past Node's limit, else 400; a socket
  // already gone is just closed.
  server.on('clientError', (err, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'build', 'wasm', 'web');
  const port = Number(process.argv[3] ?? 8765);
  try {
    statSync(join(dir, 'index.html'));
  } catch {
    console.error(`serve: ${dir}/index.html is missing: build first (web/serve.sh does both)`);
    process.exit(1);
  }
  const server = await serve(dir, port);
  console.log(`initlab playground: http://127.0.0.1:${server.address().port}/   (Ctrl+C stops)`);
}

// A static file server for the built playground, nothing else: no server logic, no writes.
//   node web/serve.mjs [DIR=build/wasm/web] [PORT=8765]   (PORT 0 picks a free one)
// Serves on 127.0.0.1 with the MIME types browsers insist on (application/wasm for streaming
// compilation, text/javascript for module scripts) and prints the URL. Tests import serve().
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
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
};

export function serve(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const { size, mtimeMs } = statSync(file);
      // Revalidated on every load (no-cache) but answered 304 when unchanged, which also lets
      // Chromium keep the compiled wasm in its code cache between visits.
      const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ETag: etag,
        'Last-Modified': new Date(mtimeMs).toUTCString(),
        'X-Content-Type-Options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
    }
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

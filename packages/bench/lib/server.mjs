/** A static file server on 127.0.0.1 only, on a free port, for the pages the browser loads. */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
};

/** `mounts`: URL prefix → directory. Records every request (url, bytes) so the bench can tell what a step fetched. */
export async function serve(mounts) {
  const log = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => url.pathname.startsWith(p));
    if (!prefix) return void response.writeHead(404).end();
    const root = mounts[prefix];
    const file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html'));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return void response.writeHead(403).end();
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      log.push({ url: url.pathname, bytes: body.length });
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

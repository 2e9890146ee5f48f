// A small static server for the embedding tests, able to listen on a second address (127.0.0.2)
// so that a host page and crossfoot's files are of different origins, and to answer some paths
// with content made by the test (host pages, an embed.html configured with allowed origins).
// scripts/serve.mjs serves only the project's own files, from one origin.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { MIME_TYPES as TYPES } from '../../scripts/mime-types.mjs';


/**
 * Serves `root` (may be null: routes only) on `host`, a free port, under the path `mount`. `routes` maps a path to
 * {body, type?, headers?} or to a function returning one (read on every request, so a test may
 * change it). `headers(path)` adds headers to every answer (a Content-Security-Policy, say).
 * Resolves to {origin, url(path), stop()}.
 */
export function serve({ root = null, mount = '/', host = '127.0.0.1', routes = {}, headers = () => ({}) } = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const send = (status, body, type, extra = {}) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers(path), ...extra });
      response.end(body);
    };
    const route = typeof routes[path] === 'function' ? routes[path]() : routes[path];
    if (route) return send(200, route.body, route.type || TYPES[extname(path)] || 'text/html; charset=utf-8', route.headers);
    if (!root || !path.startsWith(mount)) return send(404, 'not found\n', 'text/plain');
    const file = normalize(join(root, decodeURIComponent(path.slice(mount.length - 1))));
    if (!file.startsWith(root + sep)) return send(403, 'forbidden\n', 'text/plain');
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      send(200, await readFile(file), TYPES[extname(file)] || 'application/octet-stream');
    } catch {
      send(404, 'not found\n', 'text/plain');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const origin = `http://${host}:${server.address().port}`;
      resolve({ origin, url: (path) => new URL(path, origin).href, stop: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }) });
    });
  });
}

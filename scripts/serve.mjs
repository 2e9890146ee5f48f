#!/usr/bin/env node
// Serves www/ on 127.0.0.1 (port $PORT, default 8080; 0 picks a free one) with correct MIME types
// and the page's Content-Security-Policy as a header too (a meta tag does not reach workers).
// No dependencies. Prints "crossfoot: http://127.0.0.1:PORT/" when it listens.
// Usage: node scripts/serve.mjs [DIR]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME_TYPES as TYPES } from './mime-types.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(process.argv[2] || join(here, '..', 'www'));
const port = Number.parseInt(process.env.PORT ?? '8080', 10);


const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
// The page may not be framed; embed.html exists to be framed (by any site: it answers only its parent,
// at that parent's exact origin), and the example host page frames it.
const policyFor = (path) => {
  if (path.endsWith('/embed.html')) return CSP;
  if (path.endsWith('/embed-example.html')) return `${CSP}; frame-src 'self'; frame-ancestors 'none'`;
  return `${CSP}; frame-ancestors 'none'`;
};

const server = createServer(async (request, response) => {
  const send = (status, body, type = 'text/plain; charset=utf-8', path = '') => {
    response.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': policyFor(path),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed\n');
  let path;
  try {
    path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    return send(400, 'bad request\n');
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden\n');
  try {
    if (!(await stat(file)).isFile()) return send(404, 'not found\n');
    send(200, await readFile(file), TYPES[extname(file).toLowerCase()] || 'application/octet-stream', path);
  } catch {
    send(404, 'not found\n');
  }
});

server.listen(Number.isFinite(port) ? port : 8080, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`crossfoot: http://127.0.0.1:${actual}/`);
});

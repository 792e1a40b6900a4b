// A plain static file server (node:http, no dependencies) for dist/: what any static host does, plus the
// headers we choose. Used by the budget (scripts/budget.mjs) and the e2e tests; also runnable:
//   node scripts/static-server.mjs [dir=dist] [port=8080]     serves with the app's CSP header
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port).
 * @param options.headers extra headers on every response (e.g. Content-Security-Policy)
 * @param options.mime overrides of the type by extension, e.g. { '.wasm': 'application/octet-stream' }
 * @returns the server's URL (ending in '/'), the paths requested so far, and close()
 */
export async function startStaticServer({ root, port = 0, headers = {}, mime = {} }) {
  const base = resolve(root)
  const requested = []
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requested.push(path)
    let file = normalize(join(base, path))
    if (!file.startsWith(base)) return void res.writeHead(403).end()
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      const body = await readFile(file)
      const type = mime[extname(file)] ?? MIME[extname(file)] ?? 'application/octet-stream'
      // Any origin may load the files (a dev/test server): the <backprop-lesson> element on a host
      // page at another origin fetches its script, styles and wasm from here (README, "Embed").
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Access-Control-Allow-Origin': '*',
        ...headers,
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...headers }).end('not found')
    }
  })
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${address.port}/`,
    requested,
    close: () => new Promise((ok) => server.close(() => ok())),
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { contentSecurityPolicy } = await import('../web/vite/csp.mjs')
  const root = process.argv[2] ?? 'dist'
  const s = await startStaticServer({
    root,
    port: Number(process.argv[3] ?? 8080),
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  })
  console.log(`serving ${root} at ${s.url}`)
}

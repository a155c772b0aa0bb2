/**
 * Global setup of the browser project: builds the standalone bundle (what `dist/standalone/natverkskarta.js` is, as
 * `npm run build -w natverkskarta` does, so that `npm test` works on a fresh clone) and serves it from a plain
 * static file server on another port, with a strict Content-Security-Policy: no Vite, no transforms, no bare
 * imports resolved for it. The tests in this folder load it from there, as a municipality's CMS would.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const packageDir = here('../../../packages/natverkskarta');

/** The Custom Elements Manifest, generated as `npm run build -w natverkskarta` does, into a folder of our own. */
async function generateManifest(): Promise<string> {
  const outdir = await mkdtemp(join(tmpdir(), 'natverkskarta-manifest-'));
  const cem = here('../../../node_modules/@custom-elements-manifest/analyzer/cem.js');
  // The analyzer writes to a folder relative to its working directory.
  execFileSync(
    process.execPath,
    [
      cem,
      'analyze',
      '--litelement',
      '--globs',
      'src/elements/**/*.ts',
      'src/define.ts',
      '--outdir',
      relative(packageDir, outdir),
    ],
    { cwd: packageDir, stdio: 'ignore' },
  );
  return outdir;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server, e.g. `http://127.0.0.1:43210`. */
    staticOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Into a folder of its own, and as production code (Vitest runs with NODE_ENV=test, which would otherwise give
  // Lit's development build): the same bytes `npm run build` ships, without touching the package's dist/.
  const standaloneDir = await mkdtemp(join(tmpdir(), 'natverkskarta-standalone-'));
  await build({
    configFile: join(packageDir, 'vite.standalone.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: { outDir: standaloneDir, emptyOutDir: true },
  });
  const manifestDir = await generateManifest();

  /** URL prefix → folder. */
  const roots: Record<string, string> = {
    '/standalone/': standaloneDir,
    '/manifest/': manifestDir,
    '/': here('./static'),
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    // `?tt=lit-html` (or any other policy names): the page also requires Trusted Types, allowing only those policies.
    const trustedTypes = url.searchParams.get('tt');
    const csp = [
      "default-src 'self'; script-src 'self'; style-src 'self'",
      ...(trustedTypes === null ? [] : [`require-trusted-types-for 'script'; trusted-types ${trustedTypes}`]),
    ].join('; ');
    const prefix = Object.keys(roots).find((candidate) => path.startsWith(candidate))!;
    const file = normalize(join(roots[prefix]!, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(roots[prefix]!)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'cache-control': 'no-store',
        // The test reads the built files with fetch from the Vitest page, another origin.
        'access-control-allow-origin': '*',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no port');
  project.provide('staticOrigin', `http://127.0.0.1:${address.port}`);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(manifestDir, { recursive: true, force: true });
    await rm(standaloneDir, { recursive: true, force: true });
  };
}

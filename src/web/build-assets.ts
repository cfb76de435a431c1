/**
 * Builds the dashboard's client (TypeScript and CSS under `src/web/client/`) with esbuild's API,
 * in memory: one minified ES module and one stylesheet, each named by a hash of its content so
 * browsers may cache them forever. No files are written and nothing is fetched (uPlot is bundled
 * from node_modules), so the dashboard works offline.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One built file as the server sends it. */
export interface Asset {
  /** Path under which it is served, e.g. `/assets/app-3f2a9c1d.js`. */
  path: string;
  contentType: string;
  body: Buffer;
}

/** The built client: the script and stylesheet the HTML shell links to. */
export interface DashboardAssets {
  script: Asset;
  style: Asset;
}

const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

function asset(name: string, ext: 'js' | 'css', contents: Uint8Array): Asset {
  const hash = createHash('sha256').update(contents).digest('base64url').slice(0, 10);
  return {
    path: `/assets/${name}-${hash}.${ext}`,
    contentType: ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
    body: Buffer.from(contents),
  };
}

/**
 * Bundles and minifies the client. Takes about 100 ms; the result depends only on the sources.
 *
 * @example const { script, style } = await buildDashboardAssets(); script.path // '/assets/app-…js'
 */
export async function buildDashboardAssets(): Promise<DashboardAssets> {
  const result = await build({
    entryPoints: { app: `${CLIENT_DIR}main.ts`, style: `${CLIENT_DIR}styles.css` },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    outdir: '/assets',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'));
  if (!js || !css) throw new Error('dashboard build produced no script or no stylesheet');
  return { script: asset('app', 'js', js.contents), style: asset('style', 'css', css.contents) };
}

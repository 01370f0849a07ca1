/**
 * esbuild, as the build steps bundle the scripts that run inside a Worker or a frame: for the
 * browser, minified, one file, no comments from the packages. The page's own modules are
 * bundled by Astro's Vite; these are loaded by URL by the runtimes, outside that graph.
 */
import { type BuildOptions, type BuildResult, build } from 'esbuild';

/** esbuild's result: with `metafile: true`, the inputs the file was made from. */
export async function bundle(options: BuildOptions & { outfile: string }): Promise<BuildResult> {
  return build({
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
}

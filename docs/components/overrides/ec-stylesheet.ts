/**
 * The URL of Expressive Code's stylesheet (`/_astro/ec.<hash>.css`).
 *
 * Expressive Code links its stylesheet from the first code block it renders, which is not the
 * first on a page: components render concurrently, and on an operation page the expected
 * response's block gets there before the code tabs. The browser paints everything above that
 * in-body <link> unstyled, then the code tabs jump when it arrives (CLS 0.17). SkipLink.astro
 * links it at the top of <body> instead. The URL comes from a renderer built the way
 * Expressive Code's <Code> builds its own (same config, same preprocessing), so it is the same
 * hashed file; the browser tests check that the page links it before any code block.
 */
import { createAstroRenderer, mergeEcConfigOptions } from 'virtual:astro-expressive-code/api';
import { astroConfig, ecConfigFileOptions, ecIntegrationOptions } from 'virtual:astro-expressive-code/config';
import preprocessEcConfig from 'virtual:astro-expressive-code/preprocess-config';

let hrefs: Promise<string[]> | undefined;

export function ecStylesheetHrefs(): Promise<string[]> {
  hrefs ??= (async () => {
    const merged = mergeEcConfigOptions(ecIntegrationOptions ?? {}, ecConfigFileOptions);
    const ecConfig = (await preprocessEcConfig({ ecConfig: merged, astroConfig })) || merged;
    const renderer = await createAstroRenderer({ astroConfig, ecConfig });
    // As Expressive Code prefixes its own link: assetsPrefix (for .css) or else base.
    const prefix = astroConfig.build?.assetsPrefix;
    const cssPrefix = typeof prefix === 'string' ? prefix : (prefix?.css ?? prefix?.fallback);
    const base = (cssPrefix || astroConfig.base || '').trim().replace(/\/+$/g, '');
    return renderer.hashedStyles.map(([route]) => `${base}${route}`);
  })();
  return hrefs;
}

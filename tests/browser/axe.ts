/** axe-core's accessibility rules, run in the page: the browser tests' one way to ask. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

type Axe = { axe: { run(context: Document | string, options: object): Promise<{ violations: AxeViolation[] }> } };

/** axe-core's violations on the page as it is now (or within `selector`), one line each, prefixed with `where`. */
export async function axeViolations(page: Page, where: string, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    async (scope) => (await (window as unknown as Axe).axe.run(scope ?? document, { resultTypes: ['violations'] })).violations,
    selector,
  );
  return violations.map((v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * One edit to markup that Starlight rendered. The pattern must match exactly once: when a
 * Starlight upgrade changes its markup, the build stops here and names the edit, instead of
 * shipping a page where the edit silently did nothing.
 */
export function editOnce(html: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`));
  if (matches?.length !== 1) {
    throw new Error(
      `${what}: expected one match of ${pattern} in Starlight's markup, found ${matches?.length ?? 0}. ` +
        'Starlight changed this component: check whether the edit is still needed and adjust its pattern.',
    );
  }
  return html.replace(pattern, replacement);
}

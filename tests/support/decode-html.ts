/** HTML character references as the page's serializer writes them, decoded; anything else fails loudly. */
export function decodeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const value = named[ref.toLowerCase()];
    if (value === undefined) throw new Error(`unexpected character reference ${match} in the built page`);
    return value;
  });
}

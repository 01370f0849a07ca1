/**
 * How much of one text is another's, line for line: the longest run of consecutive lines two
 * files share, whitespace collapsed, leaving out lines that say nothing of their own (blank
 * lines, lone brackets and closing tags, `---`), which any two components share.
 */

/** A line that two unrelated files may well share. */
const TRIVIAL = /^(?:[{}()[\];,]*|---|<\/[a-z-]+>|<(?:style|script)(?: is:[a-z]+)?>|\/?>|\)?\}?\)?;?)$/i;

export function significantLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => !TRIVIAL.test(line));
}

/** The longest run of consecutive significant lines of `ours` that stands, in the same order, in `theirs`. */
export function longestSharedRun(ours: string, theirs: string): { length: number; firstLine: string } {
  const a = significantLines(ours);
  const b = significantLines(theirs);
  let best = { length: 0, firstLine: '' };
  // Longest common substring over lines: run[j] is the run ending at a[i] and b[j].
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      current[j] = previous[j - 1]! + 1;
      if (current[j]! > best.length) best = { length: current[j]!, firstLine: a[i - current[j]!]! };
    }
    previous = current;
  }
  return best;
}

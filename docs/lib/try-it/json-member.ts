/**
 * Sets one top-level member of a JSON body given as text, keeping the rest of the text as the
 * SDK wrote it (Python's spaces, Ruby's `75.0`): a case like "canceled" changes one value,
 * not the request's formatting. Text that is not a JSON object is returned unchanged.
 */
export function withMember(text: string, name: string, value: string | number | boolean | null): string {
  const literal = JSON.stringify(value);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const member = new RegExp(`("${escaped}"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)`);
  if (member.test(text)) return text.replace(member, (_, key: string) => `${key}${literal}`);
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return text;
    return JSON.stringify({ ...parsed, [name]: value });
  } catch {
    return text;
  }
}

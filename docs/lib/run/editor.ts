/**
 * The Run console's editor (docs/components/TryIt.astro, `[data-run-editor]`): the selected
 * tab's file in a textarea over a coloured copy of its text, "edited" as soon as it differs
 * from the file, and "Back to the verified file".
 *
 * Edits live in this page's memory only. The text comes from two places: the published file
 * (fetched from the site) and the reader's keys. Nothing in a URL, a message or stored data
 * can put code here, so no link can run code in this origin.
 *
 * Tab moves the focus on, as everywhere else on the page, rather than typing a tab: a
 * keyboard user can always leave the editor. Indent with spaces.
 */
import type { Highlight, Token } from './highlight.ts';

export interface Editor {
  /** Shows `language`'s program: the reader's edit of it, or else the verified file. */
  open(language: string, verified: string): void;
  close(): void;
  readonly isOpen: boolean;
  /** The reader's edit of `language`'s program, if it differs from the verified file. */
  edited(language: string): string | undefined;
  /** Drops the edit on screen: the verified file again. */
  revert(): void;
}

export interface EditorOptions {
  /** Where `language`'s colours are bundled: run/<id>/highlight.mjs (./prepare.ts). */
  highlightUrl(language: string): string;
  /** The colours did not load: the editor still works, in one colour. */
  onHighlightFailed(error: Error): void;
}

export function createEditor(root: HTMLElement, options: EditorOptions): Editor {
  const box = root.querySelector<HTMLElement>('[data-run-code]')!;
  const textarea = box.querySelector('textarea')!;
  const code = box.querySelector('code')!;
  const notice = root.querySelector<HTMLElement>('[data-run-edited]')!;
  const edits = new Map<string, string>();
  const verified = new Map<string, string>();
  const highlights = new Map<string, Promise<Highlight>>();
  let language: string | undefined;
  let highlight: Highlight | undefined;
  let painting = false;

  const loadHighlight = (id: string) => {
    let loading = highlights.get(id);
    if (!loading) {
      loading = (import(/* @vite-ignore */ options.highlightUrl(id)) as Promise<{ highlight: Highlight }>).then((m) => m.highlight);
      highlights.set(id, loading);
      loading.catch(() => highlights.delete(id));
    }
    return loading;
  };

  const span = (token: Token) => {
    const element = document.createElement('span');
    element.textContent = token.text;
    element.style.setProperty('--d', token.dark.color);
    element.style.setProperty('--l', token.light.color);
    if (token.dark.italic) element.style.setProperty('--ds', 'italic');
    if (token.light.italic) element.style.setProperty('--ls', 'italic');
    return element;
  };

  /** Colours the copy under the textarea; a trailing space keeps an empty last line as tall as the textarea's. */
  const paint = () => {
    painting = false;
    const text = textarea.value;
    if (!highlight) return void code.replaceChildren(`${text} `);
    const lines = highlight.lines(text);
    code.replaceChildren(...lines.flatMap((tokens, i) => [...tokens.map(span), i < lines.length - 1 ? '\n' : ' ']));
  };

  const update = () => {
    if (language === undefined) return;
    const changed = textarea.value !== verified.get(language);
    if (changed) edits.set(language, textarea.value);
    else edits.delete(language);
    notice.hidden = !changed;
    // One paint a frame, however fast the keys come.
    if (!painting) {
      painting = true;
      requestAnimationFrame(paint);
    }
  };
  textarea.addEventListener('input', update);

  return {
    open(id, file) {
      language = id;
      verified.set(id, file);
      textarea.value = edits.get(id) ?? file;
      highlight = undefined;
      delete box.dataset.highlighted;
      root.hidden = false;
      update();
      loadHighlight(id).then(
        (loaded) => {
          if (language !== id) return;
          highlight = loaded;
          box.style.setProperty('--try-it-code-bg', loaded.background.dark);
          box.style.setProperty('--try-it-code-bg-light', loaded.background.light);
          box.dataset.highlighted = '';
          paint();
        },
        (error: Error) => options.onHighlightFailed(error),
      );
    },
    close() {
      root.hidden = true;
      language = undefined;
    },
    get isOpen() {
      return !root.hidden;
    },
    edited: (id) => edits.get(id),
    revert() {
      if (language === undefined) return;
      textarea.value = verified.get(language) ?? '';
      update();
      textarea.focus();
    },
  };
}

/**
 * The environment a run gets, under the Run console's bar (`[data-run-env]`): one field per
 * variable the verifier would set (the token, the reserve or card token the page's sandbox just
 * made, the operation's fixed values), filled with the page's values and the reader's to change.
 * A field the reader changed keeps their value when the page's changes (a new reserve after a
 * run); emptied, it takes the page's value again.
 */
export interface RunEnvironment {
  /** The page's values now: fields the reader has not changed follow them. */
  update(defaults: Record<string, string>): void;
  /** What the next run gets. */
  values(): Record<string, string>;
}

export function createEnvironment(root: HTMLElement): RunEnvironment {
  const fields = root.querySelector<HTMLElement>('[data-run-env-fields]')!;
  const inputs = new Map<string, HTMLInputElement>();
  let defaults: Record<string, string> = {};

  const field = (name: string) => {
    const label = document.createElement('label');
    const code = label.appendChild(document.createElement('code'));
    code.textContent = name;
    const input = label.appendChild(document.createElement('input'));
    input.type = 'text';
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.dataset.name = name;
    input.addEventListener('input', () => {
      input.dataset.changed = String(input.value !== '' && input.value !== defaults[name]);
    });
    input.addEventListener('change', () => {
      if (input.value === '') input.value = defaults[name] ?? '';
    });
    fields.append(label);
    inputs.set(name, input);
    return input;
  };

  const changed = (input: HTMLInputElement) => input.dataset.changed === 'true';

  return {
    update(next) {
      defaults = next;
      for (const [name, value] of Object.entries(next)) {
        const input = inputs.get(name) ?? field(name);
        if (!changed(input)) input.value = value;
      }
      root.hidden = false;
    },
    values: () =>
      Object.fromEntries(
        Object.keys(defaults).map((name) => {
          const input = inputs.get(name);
          return [name, input && changed(input) ? input.value : (defaults[name] ?? '')];
        }),
      ),
  };
}

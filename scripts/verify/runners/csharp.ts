import { chooseDoubleOrFail, commandVersion, type Runner } from '../runner.ts';

/** C#: placeholder until the Mono double lands. */
export const csharp: Runner = {
  id: 'csharp',
  title: 'C#',
  file: 'CancelReserve.cs',
  runtime: {
    name: 'Mono',
    install: 'apt-get install -y mono-devel',
    version: () => commandVersion('mono', ['--version']),
  },
  async prepare(choice) {
    const sdk = await chooseDoubleOrFail(choice, { name: 'NuGet', url: 'https://api.nuget.org/v3/index.json' }, 'csharp');
    return { sdk, command: async () => ({ compileError: 'not yet' }) };
  },
};

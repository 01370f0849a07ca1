/**
 * "How to run the code": what a reader types in each example's folder. These lines are
 * instructions for the reader's own machine; `npm run verify` does not run them.
 */
import type { LanguageId } from './examples.ts';

export interface RunCommand {
  /** The manifest beside the example that pins its SDK, if any. */
  manifest?: string;
  /** Shell lines, run in the example's folder, given the example's file name. */
  lines: (file: string) => string[];
}

export const RUN_COMMANDS: Record<LanguageId, RunCommand> = {
  php: { manifest: 'composer.json', lines: (file) => ['composer install', `php ${file}`] },
  node: { manifest: 'package.json', lines: (file) => ['npm install', `node ${file}`] },
  java: { manifest: 'pom.xml', lines: () => ['mvn -q compile exec:java'] },
  ruby: { manifest: 'Gemfile', lines: (file) => ['bundle install', `bundle exec ruby ${file}`] },
  csharp: { manifest: 'CancelReserve.csproj', lines: () => ['dotnet run'] },
  python: { manifest: 'requirements.txt', lines: (file) => ['pip install -r requirements.txt', `python ${file}`] },
  curl: { lines: (file) => [`bash ${file}`] },
};

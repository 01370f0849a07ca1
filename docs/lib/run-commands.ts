/**
 * "How to run the code": what a reader types in each example's folder. These lines are
 * instructions for the reader's own machine; `npm run verify` does not run them.
 */
import type { LanguageId } from './examples.ts';

export interface RunCommand {
  /** The manifest beside the example that pins its SDK, if any. */
  manifest?: string;
  /** Shell lines, run in the example's folder. */
  lines: string[];
}

export const RUN_COMMANDS: Record<LanguageId, RunCommand> = {
  php: { manifest: 'composer.json', lines: ['composer install', 'php cancel-reserve.php'] },
  node: { manifest: 'package.json', lines: ['npm install', 'node cancel-reserve.mjs'] },
  java: { manifest: 'pom.xml', lines: ['mvn -q compile exec:java'] },
  ruby: { manifest: 'Gemfile', lines: ['bundle install', 'bundle exec ruby cancel-reserve.rb'] },
  csharp: { manifest: 'CancelReserve.csproj', lines: ['dotnet run'] },
  python: { manifest: 'requirements.txt', lines: ['pip install -r requirements.txt', 'python cancel_reserve.py'] },
  curl: { lines: ['bash cancel-reserve.sh'] },
};

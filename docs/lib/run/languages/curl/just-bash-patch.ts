/**
 * Build-time fix for a just-bash 3.4.2 interpreter bug (an esbuild plugin, used by ./prepare.ts).
 *
 * Bug: a command that is only assignments (`status=$?`, `x=1`) keeps the previous command's exit
 * status instead of 0. Under `set -e` the tab scripts' error branch
 *     response="$(curl …)" || { status=$?; … exit "${status}"; }
 * then dies silently at `status=$?` with exit 1: no message, and not curl's 22/7.
 * Fixed upstream after 3.4.2 (vercel-labs/just-bash PR #400, not released on npm yet).
 *
 * Fix (bash semantics): such a command's status is that of its last command substitution if it has
 * one, else 0. We patch the one place the minified browser bundle returns it, and fail the build if
 * the bundle's text is not the one this was written against.
 */

import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

const NEEDLE = 'Q("",N,this.ctx.state.lastExitCode)';
const REPLACEMENT = 'Q("",N,hasCommandSubstitution(t.assignments)?this.ctx.state.lastExitCode:0)';
/** Whether an AST subtree holds a command substitution, `$(…)` or backquotes. */
const HELPER = `function hasCommandSubstitution(n){if(!n||typeof n!=="object")return false;if(Array.isArray(n))return n.some(hasCommandSubstitution);if(n.type==="CommandSubstitution")return true;for(const k in n)if(hasCommandSubstitution(n[k]))return true;return false}\n`;

export const justBashAssignmentStatus: Plugin = {
  name: 'just-bash-assignment-status',
  setup(build) {
    build.onLoad({ filter: /just-bash[\\/]dist[\\/]bundle[\\/]browser\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const count = text.split(NEEDLE).length - 1;
      if (count !== 1) throw new Error(`just-bash patch: expected 1 match of ${NEEDLE}, found ${count} (another version?)`);
      return { contents: HELPER + text.replace(NEEDLE, REPLACEMENT), loader: 'js' };
    });
  },
};

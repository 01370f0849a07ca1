// Starlight's virtual modules that docs/components/overrides/Search.astro (a copy of Starlight's
// own Search.astro) imports. Starlight ships no declarations for them; these say what the copy uses.
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}

/// <reference types="astro/client" />
// The virtual modules that Expressive Code's Astro integration serves (ec-stylesheet.ts reads
// them as its own <Code> component does), typed by the package's own declarations.
/// <reference path="../node_modules/astro-expressive-code/virtual.d.ts" />

import { validateSpec } from '../sandbox/openapi-validator.ts';
const s = await validateSpec();
console.log(Object.keys(s.paths!));

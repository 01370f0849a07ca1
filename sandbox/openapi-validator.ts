import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** sandbox/openapi.yaml: the sandbox's HTTP surface, response by response. */
export const SPEC_PATH = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

/** One response as the sandbox gave it. `body` is the raw text, as the journal keeps it. */
export interface ObservedResponse {
  method: string;
  /** Path, optionally with a query string (ignored). */
  path: string;
  status: number;
  body: string;
  /** When given, the response headers the spec marks required are checked too. */
  headers?: Headers | Record<string, string>;
}

/** Checks one response against the spec: the list of what is wrong, empty when it conforms. */
export type ResponseValidator = (response: ObservedResponse) => string[];

// The few OpenAPI shapes read here (the parser's own types are a union over versions).
type JsonSchema = Record<string, unknown>;
interface MediaType {
  schema?: JsonSchema;
}
interface HeaderObject {
  required?: boolean;
  schema?: JsonSchema;
}
interface ResponseObject {
  description?: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaType>;
}
type Responses = Record<string, ResponseObject>;
interface Operation {
  responses?: Responses;
}
export interface Spec {
  paths?: Record<string, Record<string, unknown>>;
  'x-unmatched-request'?: { responses?: Responses };
  [key: string]: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Parses and dereferences the spec (no OpenAPI-schema validation: that is the spec's own test). */
export async function loadSpec(path: string = SPEC_PATH): Promise<Spec> {
  return (await SwaggerParser.dereference(path)) as unknown as Spec;
}

/** Validates the spec as OpenAPI 3.1 (throws with the parser's message if it is not). */
export async function validateSpec(path: string = SPEC_PATH): Promise<Spec> {
  return (await SwaggerParser.validate(path)) as unknown as Spec;
}

interface PathEntry {
  template: string;
  pattern: RegExp;
  item: Record<string, unknown>;
}

/**
 * Builds the checker for a dereferenced spec. Routing mirrors the sandbox's (msw's):
 * `{param}` is one path segment, one trailing slash is tolerated, the query is ignored.
 * A request matching no operation is checked against `x-unmatched-request`.
 * Schemas are compiled on first use and cached per (route, status).
 */
export function createResponseValidator(spec: Spec): ResponseValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  const compiled = new Map<string, ValidateFunction>();
  const paths: PathEntry[] = Object.entries(spec.paths ?? {}).map(([template, item]) => ({
    template,
    pattern: new RegExp(
      `^${template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}/?$`,
    ),
    item,
  }));
  const unmatched = spec['x-unmatched-request']?.responses ?? {};

  const compile = (key: string, schema: JsonSchema): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(key, validate);
    }
    return validate;
  };

  return ({ method, path, status, body, headers }) => {
    const pathname = path.split('?')[0]!;
    const verb = method.toLowerCase();
    const entry = paths.find((candidate) => candidate.pattern.test(pathname));
    const operation = entry && (METHODS as readonly string[]).includes(verb) ? (entry.item[verb] as Operation | undefined) : undefined;
    const route = operation ? `${method.toUpperCase()} ${entry!.template}` : 'x-unmatched-request';
    const responses = operation ? (operation.responses ?? {}) : unmatched;
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!response) {
      return [`status ${status} is not documented for ${route} (documented: ${Object.keys(responses).join(', ') || 'none'})`];
    }

    const problems: string[] = [];
    const media = response.content?.['application/json'];
    if (!media) {
      if (body !== '') problems.push(`${route} ${status} documents no application/json body, but one was sent`);
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        problems.push(`body is not JSON: ${JSON.stringify(body.slice(0, 80))}`);
      }
      if (problems.length === 0 && media.schema) {
        const validate = compile(`${route} ${status}`, media.schema);
        if (!validate(parsed)) problems.push(...(validate.errors ?? []).map(describeError));
      }
    }

    if (headers) {
      const get = (name: string) =>
        headers instanceof Headers
          ? headers.get(name)
          : (Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null);
      for (const [name, header] of Object.entries(response.headers ?? {})) {
        const value = get(name);
        if (value === null) {
          if (header.required) problems.push(`header ${name} is missing`);
          continue;
        }
        if (header.schema) {
          const validate = compile(`${route} ${status} header ${name}`, header.schema);
          if (!validate(value)) problems.push(...(validate.errors ?? []).map((e) => `header ${name}: ${describeError(e)}`));
        }
      }
    }
    return problems;
  };
}

function describeError(error: NonNullable<ValidateFunction['errors']>[number]): string {
  const where = error.instancePath || '(body)';
  const params = error.params as Record<string, unknown>;
  const detail =
    'additionalProperty' in params
      ? ` '${String(params.additionalProperty)}'`
      : 'allowedValues' in params
        ? ` ${JSON.stringify(params.allowedValues)}`
        : 'allowedValue' in params
          ? ` ${JSON.stringify(params.allowedValue)}`
          : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

// Placeholder: replaced by the OpenAPI conformance check (every sandbox response in the suite must validate).
export {};

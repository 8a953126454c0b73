import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { GraphqlLimits } from '@libs/config';
import { PAGE_ARGUMENTS, withPageSizes } from './page-sizes';

/** A refused operation (R13.12): BAD_USER_INPUT naming the limit and the variable that sets it. */
export class QueryLimitError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }
}

/** True for a QueryLimitError, also when Apollo wrapped it (ValidationError keeps it as originalError). */
export function isQueryLimitError(error: unknown): error is GraphQLError {
  for (let e = error; e instanceof Error; e = (e as GraphQLError).originalError) {
    if (e instanceof QueryLimitError || e.name === 'QueryLimitError') return true;
    if (!(e as GraphQLError).originalError || (e as GraphQLError).originalError === e) break;
  }
  return false;
}

/** Reports to the validation context (so validation ends with a list of errors, never a thrown 500). */
const report =
  (variable: string): GraphQLArmorRejectCallback =>
  (context, error) =>
    context?.reportError(new QueryLimitError(`${error.message.replace(/^Syntax Error: /, '')} (${variable})`));

/**
 * GraphQL Armor's depth, alias and directive rules, run with graphql-js's own validation (HTTP and graphql-ws).
 * Fragments are flattened: a spread costs no extra level, so clients may use them freely. Introspection is refused
 * here too when it is off, because graphql-ws does not go through Apollo's `introspection` switch.
 */
export function queryLimitRules(limits: GraphqlLimits, introspection: boolean): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true, onReject: [report('GRAPHQL_MAX_DEPTH')] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [report('GRAPHQL_MAX_ALIASES')] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [report('GRAPHQL_MAX_DIRECTIVES')] }),
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/**
 * GraphQL Armor's cost rule on the operation with its real page sizes: Armor weighs a list by a literal `first`
 * only, so variables (and the schema's defaults) are written in first (`withPageSizes`). Run once the variables are
 * known, before execution.
 */
export function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: GraphqlLimits,
): readonly GraphQLError[] {
  // The cost depends on the document and on the variables that set a page size, nothing else: an operation sent
  // again (Apollo hands out the same parsed document for the same text) with the same sizes is not weighed again.
  // Only passes are kept; a refusal is computed (and its errors built) afresh each time.
  const perDocument = passed(schema, document);
  const key = `${limits.maxCost}:${limits.listSize}:${JSON.stringify(perDocument.pageVariables.map((v) => variables?.[v] ?? null))}`;
  if (perDocument.passes.has(key)) return [];
  const errors = weigh(schema, document, variables, limits);
  if (errors.length === 0 && perDocument.passes.size < MAX_PASSES_PER_DOCUMENT) perDocument.passes.add(key);
  return errors;
}

const MAX_PASSES_PER_DOCUMENT = 100;
const passes = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { pageVariables: string[]; passes: Set<string> }>>();

function passed(schema: GraphQLSchema, document: DocumentNode) {
  let bySchema = passes.get(schema);
  if (!bySchema) passes.set(schema, (bySchema = new WeakMap()));
  let entry = bySchema.get(document);
  if (!entry) bySchema.set(document, (entry = { pageVariables: pageVariables(document), passes: new Set() }));
  return entry;
}

/** The variables given as a page-size argument (`first: $n`): the only ones withPageSizes reads. */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

function weigh(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: GraphqlLimits,
): readonly GraphQLError[] {
  const rule = costLimitRule({
    maxCost: limits.maxCost,
    flattenFragments: true,
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [report('GRAPHQL_MAX_COST')],
  });
  return validate(schema, withPageSizes(schema, document, variables ?? {}, limits.listSize), [rule]);
}

/** Without schema details, graphql-js's "Did you mean …?" hints go (Apollo's own switch does this over HTTP). */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return error;
}

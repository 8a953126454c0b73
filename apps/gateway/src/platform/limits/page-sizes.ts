import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

export const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * The document with every page-size argument (`first`/`last`) written as the Int it will have at execution: the
 * variable's value, the variable's default, or the schema's default when the argument is left out. GraphQL Armor's
 * cost rule multiplies a list's cost by a literal `first` only; this lets it see `first: $n` with n = 1000.
 */
export function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): DocumentNode {
  const values: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) {
      if (v.defaultValue?.kind === Kind.INT) values[v.variable.name.value] = Number(v.defaultValue.value);
    }
  }
  Object.assign(values, variables);
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const argument = typeInfo.getFieldDef()?.args.find((a) => PAGE_ARGUMENTS.has(a.name));
        if (!argument) return undefined;
        const given = node.arguments?.find((a) => a.name.value === argument.name);
        const size = given ? valueOf(given.value, values) : argument.defaultValue;
        if (typeof size !== 'number' || !Number.isInteger(size) || (given && given.value.kind === Kind.INT)) {
          return undefined;
        }
        const literal: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: argument.name },
          value: { kind: Kind.INT, value: String(size) },
        };
        return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a !== given), literal] };
      },
    }),
  );
}

function valueOf(value: ValueNode, variables: Record<string, unknown>): unknown {
  return value.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
}

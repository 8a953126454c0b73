import {
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

export const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Lists with no page size whose length the app catalog or a single request bounds: weighed as one item, as Armor
 * does. Every other list with no page size grows with use (a viewer's organizations, an organization's teams and
 * members, a team's webhooks …) and is weighed as `listSize` items: otherwise a query nesting them through the
 * schema's cycles (organizations → teams → organization → teams …) costs a few thousand and returns millions.
 */
const BOUNDED_LISTS = new Set([
  'Query.apps',
  'App.versions',
  'AppVersion.modules',
  'AppModule.names',
  'CredentialRequest.apps',
  'RequestedApp.modules',
  'Connection.usage',
  'Query.requestConnections',
  'DeletedCredentialRequest.removedConnections',
]);

/** A page's `edges` are weighed by the page's own `first`, never again. */
const isPage = (type: GraphQLCompositeType | null | undefined) => isObjectType(type) && 'pageInfo' in type.getFields();

/**
 * The document with every page-size argument (`first`/`last`) written as the Int it will have at execution: the
 * variable's value, the variable's default, or the schema's default when the argument is left out. GraphQL Armor's
 * cost rule multiplies a list's cost by a literal `first` only; this lets it see `first: $n` with n = 1000. A list
 * that grows with use and has no page size gets `first: listSize` (see BOUNDED_LISTS). The result is for weighing
 * only: it is never executed.
 */
export function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  listSize: number,
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
        const field = typeInfo.getFieldDef();
        if (!field) return undefined;
        const argument = field.args.find((a) => PAGE_ARGUMENTS.has(a.name));
        if (!argument) {
          const parent = typeInfo.getParentType();
          const grows =
            node.selectionSet &&
            isListType(getNullableType(field.type)) &&
            !BOUNDED_LISTS.has(`${parent?.name}.${field.name}`) &&
            !isPage(parent);
          return grows ? { ...node, arguments: [...(node.arguments ?? []), pageSize('first', listSize)] } : undefined;
        }
        const given = node.arguments?.find((a) => a.name.value === argument.name);
        const size = given ? valueOf(given.value, values) : argument.defaultValue;
        if (typeof size !== 'number' || !Number.isInteger(size) || (given && given.value.kind === Kind.INT)) {
          return undefined;
        }
        return {
          ...node,
          arguments: [...(node.arguments ?? []).filter((a) => a !== given), pageSize(argument.name, size)],
        };
      },
    }),
  );
}

function pageSize(name: string, size: number): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(size) },
  };
}

function valueOf(value: ValueNode, variables: Record<string, unknown>): unknown {
  return value.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
}

import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { FieldError } from '@libs/domain';

type VariablePaths = Map<string, string>;

function walkValue(value: ValueNode, path: string[], out: VariablePaths): void {
  if (value.kind === Kind.VARIABLE) {
    if (!out.has(value.name.value)) out.set(value.name.value, path.join('.'));
  } else if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) walkValue(field.value, [...path, field.name.value], out);
  } else if (value.kind === Kind.LIST) {
    value.values.forEach((item, index) => walkValue(item, [...path, String(index)], out));
  }
}

/** Where each variable is used as (part of) an argument: `$data` in `createX(input: $data)` → `input`. */
export function variableArgumentPaths(
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): VariablePaths {
  const out: VariablePaths = new Map();
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const seen = new Set<string>();
  const walkSelections = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        for (const arg of selection.arguments ?? []) walkValue(arg.value, [arg.name.value], out);
        walkSelections(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walkSelections(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walkSelections(fragments.get(selection.name.value)?.selectionSet);
      }
    }
  };
  const op =
    operation ?? document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  walkSelections(op?.selectionSet);
  return out;
}

function renamed(path: string, names: VariablePaths): string {
  const [head, ...rest] = path.split('.');
  const target = names.get(head);
  return target ? [target, ...rest].join('.') : path;
}

/**
 * graphql-js reports each invalid variable field as its own error, named from the variable; SPEC R13.3 wants one
 * BAD_USER_INPUT listing every field, named from the argument. Runs after formatError, on request-level errors
 * only (those without a response path); resolver errors stay one per field.
 */
export function mergeInputErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const body = requestContext.response.body;
          if (body.kind !== 'single' || !body.singleResult.errors?.length) return;
          const errors = body.singleResult.errors;
          const inputErrors = errors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT' && !e.path);
          if (inputErrors.length === 0) return;
          const names = requestContext.document
            ? variableArgumentPaths(requestContext.document, requestContext.operation)
            : new Map<string, string>();
          const fields = inputErrors.flatMap((e) =>
            ((e.extensions?.fields as FieldError[] | undefined) ?? []).map((f) => ({
              path: renamed(f.path, names),
              message: f.message,
            })),
          );
          const message =
            inputErrors.length > 1
              ? 'invalid input'
              : fields[0]?.path && inputErrors[0].message.startsWith('invalid value at ')
                ? `invalid value at ${fields[0].path}`
                : inputErrors[0].message;
          const merged: GraphQLFormattedError = {
            message,
            ...(inputErrors[0].locations ? { locations: inputErrors[0].locations } : {}),
            extensions: { code: 'BAD_USER_INPUT', fields },
          };
          body.singleResult.errors = [merged, ...errors.filter((e) => !inputErrors.includes(e))];
        },
      };
    },
  };
}

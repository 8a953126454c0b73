import { HttpException, HttpStatus } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, type ErrorCode, type FieldError, type RateLimitedError } from '@libs/domain';
import { INTERNAL_ERROR_MESSAGE, isContractCode } from './error-codes';
import { fieldErrorFromGraphqlMessage } from './input-error-paths';
import { isQueryLimitError } from '../limits/query-limits';

// Apollo's codes for requests that never reached a resolver: the client sent something the schema refuses.
const REQUEST_INPUT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_USER_INPUT',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'BAD_USER_INPUT',
};

function isDomainError(error: unknown): error is DomainError {
  // instanceof alone fails when two copies of the domain lib are loaded (tests, dist): the shape decides too.
  return (
    error instanceof DomainError ||
    (error instanceof Error && error.name === 'DomainError' && isContractCode((error as DomainError).code))
  );
}

function shaped(
  base: GraphQLFormattedError,
  code: string,
  message: string,
  fields?: FieldError[],
  retryAfter?: number,
  appSaid?: string | null,
): GraphQLFormattedError {
  const extensions = {
    ...(code === 'BAD_USER_INPUT'
      ? { code, fields: fields ?? [] }
      : code === 'RATE_LIMITED'
        ? { code, retryAfter: retryAfter ?? 60 }
        : { code }),
    ...(appSaid ? { appSaid } : {}),
  };
  return {
    message,
    ...(base.locations ? { locations: base.locations } : {}),
    ...(base.path ? { path: base.path } : {}),
    extensions,
  };
}

/**
 * The one place errors are shaped for clients (HTTP and graphql-ws): a contract code on every error, the fields of
 * every BAD_USER_INPUT, and nothing of an unexpected error but "internal error" (the error itself goes to the log).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const isRequestError = error instanceof GraphQLError && !error.path;
    // R13.12: the limit's own message (it names the limit and its variable, never a submitted value).
    if (isQueryLimitError(error))
      return shaped(formatted, 'BAD_USER_INPUT', error.message, [{ path: '', message: error.message }]);
    if (isRequestError && typeof code === 'string' && REQUEST_INPUT_CODES.has(code)) {
      // Variable coercion and validation: the raw message may echo the submitted value; rebuild it.
      const field = fieldErrorFromGraphqlMessage(error.message);
      return shaped(formatted, 'BAD_USER_INPUT', field.path ? `invalid value at ${field.path}` : 'invalid request', [
        field,
      ]);
    }
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      const retryAfter = (original as Partial<RateLimitedError>).retryAfterSeconds;
      return shaped(formatted, original.code, original.message, original.fields, retryAfter, original.appSaid);
    }
    if (original instanceof HttpException) {
      const mapped = HTTP_CODES[original.getStatus()];
      if (mapped) {
        return shaped(
          formatted,
          mapped,
          original.message,
          mapped === 'BAD_USER_INPUT' ? [{ path: '', message: original.message }] : undefined,
        );
      }
    }
    if (original instanceof GraphQLError && isContractCode(original.extensions.code)) {
      const fields = original.extensions.fields as FieldError[] | undefined;
      return shaped(formatted, original.extensions.code, original.message, fields);
    }
    logger.error(
      { err: original instanceof Error ? original : new Error(String(original)), path: formatted.path },
      'unexpected error in a GraphQL operation',
    );
    return shaped(formatted, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE);
  };
}

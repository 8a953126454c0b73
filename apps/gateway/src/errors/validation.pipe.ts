import { Injectable, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '@libs/domain';

/** class-validator's nested errors as flat dotted paths: `apps` › `1` › `note` → `apps.1.note`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * Validates every class-typed GraphQL argument (the `@InputType`s) and reports all invalid fields at once as one
 * BAD_USER_INPUT (SPEC R13.3), each path starting with the argument name: `input.apps.1.note`.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      // Messages and errors must never carry the submitted value: it may be a secret (R8.1).
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new DomainError('BAD_USER_INPUT', 'invalid input', flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      // The exception factory does not know the argument's name; the pipe does.
      if (error instanceof DomainError && metadata.data) {
        const fields = error.fields.map((f) => ({ ...f, path: `${metadata.data}.${f.path}` }));
        throw new DomainError(error.code, error.message, fields);
      }
      throw error;
    }
  }
}

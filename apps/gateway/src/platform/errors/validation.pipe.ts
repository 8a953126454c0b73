import { Injectable, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CATALOG, toDomainCatalog } from '@libs/application';
import type { Catalog } from '@libs/catalog';
import { DomainError, validateCreateRequestInput, type AppCatalog, type FieldError } from '@libs/domain';
import { CreateCredentialRequestInput } from '../graphql/inputs/credential-request.inputs';
import { unsafeTextFields } from './text-safety';

/** class-validator's nested errors as flat dotted paths: `apps` › `1` › `note` → `apps.1.note`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * Validates every GraphQL argument and reports all invalid fields at once as one BAD_USER_INPUT (SPEC R13.3), each
 * path starting with the argument name: `input.apps.1.note`. Three sources, merged: the characters of every string
 * (any argument, scalar or input object: `text-safety.ts`), the class-validator shape checks of the `@InputType`s,
 * and — once anything is wrong with a createCredentialRequest input — the domain's catalog checks (unknown apps,
 * versions, modules), so the caller learns everything in one round instead of two.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  private catalog?: AppCatalog | null;

  constructor(private readonly moduleRef: ModuleRef) {
    super({
      transform: true,
      // Messages and errors must never carry the submitted value: it may be a secret (R8.1).
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new DomainError('BAD_USER_INPUT', 'invalid input', flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const name = metadata.data ?? '';
    // GraphQL arguments only: custom parameter decorators (@CurrentIdentity, context) are not user input.
    const fields: FieldError[] = metadata.type === 'custom' ? [] : unsafeTextFields(value, name);
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The exception factory does not know the argument's name; the pipe does.
      fields.push(...error.fields.map((f) => ({ ...f, path: name ? `${name}.${f.path}` : f.path })));
    }
    if (fields.length === 0) return transformed;
    if (metadata.metatype === CreateCredentialRequestInput && name === 'input')
      fields.push(...this.catalogErrors(value));
    throw new DomainError('BAD_USER_INPUT', 'invalid input', uniqueByPath(fields));
  }

  /** The domain's own checks of a request input, of which the catalog ones (apps, versions, modules) are kept. */
  private catalogErrors(value: unknown): FieldError[] {
    const catalog = this.domainCatalog();
    if (!catalog || !value || typeof value !== 'object') return [];
    try {
      const input = value as Parameters<typeof validateCreateRequestInput>[0];
      const result = validateCreateRequestInput(
        { ...input, apps: Array.isArray(input.apps) ? input.apps : [] },
        catalog,
      );
      return result.ok
        ? []
        : result.errors.filter((f) => /^input\.apps\.\d+\.(appKey|version|modules(\.\d+)?)$/.test(f.path));
    } catch {
      // A shape too broken for the domain check: the shape errors already say what is wrong.
      return [];
    }
  }

  private domainCatalog(): AppCatalog | null {
    if (this.catalog === undefined) {
      try {
        this.catalog = toDomainCatalog(this.moduleRef.get<Catalog>(CATALOG, { strict: false }));
      } catch {
        this.catalog = null;
      }
    }
    return this.catalog;
  }
}

/** One error per path: the first (shape, characters) wins over a later one for the same field. */
function uniqueByPath(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.path) && seen.add(f.path));
}

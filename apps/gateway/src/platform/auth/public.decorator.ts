import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gateway:isPublic';

/** Marks a resolver (or one of its fields) as answering without a token, like `Query.health`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString } from 'class-validator';

/** A required string that must not be empty, answered as "`field` must not be empty" (the value is never echoed). */
export const NotBlank = (field: string) =>
  applyDecorators(IsString(), IsNotEmpty({ message: `${field} must not be empty` }));

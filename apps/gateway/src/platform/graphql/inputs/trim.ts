import { Transform } from 'class-transformer';

/** Trims a string before validation (R4.1 "trimmed"); other values pass unchanged for the type checks to judge. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

import type { FieldError } from './errors';

/**
 * `errors` once the item at `index` of the input's list `list` left the form: the server names items by position
 * (`input.apps.2.modules`, or `apps[2]`), so the removed item's errors go and the later items' move up one.
 */
export function withoutItem(errors: FieldError[], list: string, index: number): FieldError[] {
  const item = new RegExp(`^((?:input\\.)?${list})(?:\\.(\\d+)|\\[(\\d+)\\])(.*)$`);
  return errors.flatMap((e) => {
    const match = item.exec(e.path);
    if (!match) return [e];
    const at = Number(match[2] ?? match[3]);
    if (at === index) return [];
    return [at < index ? e : { ...e, path: `${match[1]}.${at - 1}${match[4]}` }];
  });
}

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

const normal = (path: string) => path.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');

/**
 * `errors` without those at `path` or under it (`apps.1` takes `input.apps.1` and `input.apps.1.modules`): what was
 * said about a field the person has since changed is about a value no longer there.
 */
export function withoutField(errors: FieldError[], path: string): FieldError[] {
  const at = normal(path);
  return errors.filter((e) => {
    const p = normal(e.path);
    return p !== at && !p.startsWith(`${at}.`);
  });
}

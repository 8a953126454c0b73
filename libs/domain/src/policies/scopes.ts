import type { CatalogAppVersion } from '../catalog/app-catalog';

/**
 * R4.2 + R13.7: the chosen modules in catalog order, then each module's scopes in order, first occurrence kept.
 * The input order of `moduleKeys` never matters; unknown keys are ignored (validation reports them).
 */
export function scopesFor(version: CatalogAppVersion, moduleKeys: readonly string[]): string[] {
  const chosen = new Set(moduleKeys);
  const seen = new Set<string>();
  const scopes: string[] = [];
  for (const module of version.modules) {
    if (!chosen.has(module.key)) continue;
    for (const scope of module.scopes) {
      if (seen.has(scope)) continue;
      seen.add(scope);
      scopes.push(scope);
    }
  }
  return scopes;
}

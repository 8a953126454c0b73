import type { AppConfig } from '@libs/config';

/** The origins whose pages may use the browser's session: PUBLIC_URL's own plus CORS_ORIGINS. */
export function allowedOrigins(config: AppConfig): Set<string> {
  return new Set([new URL(config.publicUrl).origin, ...config.web.corsOrigins]);
}

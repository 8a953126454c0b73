import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@libs/config';

/**
 * The web app's Content-Security-Policy: its own origin only, no inline script or style, no other origin (these
 * machines and many deployments have no internet; the GraphQL explorer is off for the same reason). `connect-src`
 * names the ws(s) origin of PUBLIC_URL explicitly for graphql-ws.
 */
export function contentSecurityPolicy(publicUrl: string): Record<string, string[]> {
  const url = new URL(publicUrl);
  const wsOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", wsOrigin],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  if (url.protocol === 'https:') directives['upgrade-insecure-requests'] = [];
  return directives;
}

/**
 * helmet: no X-Powered-By, nosniff, frame-ancestors 'none' (and X-Frame-Options DENY), Referrer-Policy
 * `same-origin` (an invitation token in a page's URL never leaves in a Referer; same-origin POSTs keep their Origin
 * header, which `/auth/*` checks), HSTS only when PUBLIC_URL is https.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const https = config.publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config.publicUrl) },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  }) as RequestHandler;
}

/**
 * Explicit CORS: the web app is same-origin and needs none; `CORS_ORIGINS` lists the other origins allowed to call
 * the API with the browser's credentials. Any other origin gets no grant (no Access-Control-Allow-Origin).
 */
export function corsPolicy(config: AppConfig): RequestHandler {
  const allowed = new Set(config.web.corsOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (!origin || !allowed.has(origin)) return next();
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return next();
    res.setHeader('access-control-allow-methods', 'GET, POST');
    res.setHeader(
      'access-control-allow-headers',
      'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
    );
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  };
}

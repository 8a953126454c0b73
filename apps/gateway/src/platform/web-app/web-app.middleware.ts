import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { LOGGER } from '@libs/infrastructure';
import { isApiPath } from './api-paths';

const NOT_BUILT_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Web app not built</title>' +
  '<h1>The web app is not built</h1>' +
  '<p>This server found no <code>index.html</code> in its <code>WEB_DIST</code> directory. Build it with ' +
  '<code>npm run build</code> (<code>npm start</code> does it), or point <code>WEB_DIST</code> at a build.</p>' +
  '<p>The API answers meanwhile at <code>/graphql</code>.</p></html>';

/** Vite names built assets `name-<hash>.ext` under `assets/`: they never change, so browsers keep them for a year. */
const HASHED_ASSET = /^\/assets\//;

/**
 * Serves the built web app (`WEB_DIST`, default `dist/web`) for every GET/HEAD outside the server's own paths:
 * existing files as they are, any other path without a file extension the app's `index.html` (history fallback for
 * `/requests/<id>`, `/invitations/<token>`, …). A missing build answers a plain 503 page saying so.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly files: express.Handler;
  private readonly index: string;
  private warned = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.index = join(config.web.webDist, 'index.html');
    this.files = express.static(config.web.webDist, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders: (res, _path) => {
        const url = (res.req as Request).path;
        res.setHeader('cache-control', HASHED_ASSET.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    this.files(req, res, () => this.fallback(req, res, next));
  }

  private fallback(req: Request, res: Response, next: NextFunction): void {
    // A missing asset (a path with an extension) is a 404, not the app.
    if (/\.[A-Za-z0-9]+$/.test(req.path)) return next();
    if (!existsSync(this.index)) {
      if (!this.warned) {
        this.warned = true;
        this.logger.warn({ index: this.index }, 'the web app is not built: answering 503 for its pages');
      }
      res.status(503).type('html').setHeader('cache-control', 'no-store').send(NOT_BUILT_PAGE);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(this.index, (error) => {
      if (error && !res.headersSent) next(error);
    });
  }
}

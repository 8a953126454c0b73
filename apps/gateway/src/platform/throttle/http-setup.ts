import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import {
  Inject,
  Injectable,
  type NestMiddleware,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig, requestIdFrom, runInRequest } from '@libs/config';
import { inHttpSpan, LOGGER } from '@libs/infrastructure';

const INTERNAL = /^\/internal(\/|$)/;

/**
 * Express settings the gateway owns: the request id, `trust proxy` from TRUST_PROXY (the client address of rate limits), and the
 * optional separate listener of the internal API (RUNTIME_PORT): when it is set, `/internal/*` answers only there
 * and that listener answers nothing else, so the public port can be exposed without the runtime API.
 */
@Injectable()
export class GatewayHttpSetup implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private runtimeServer?: Server;
  private readonly runtimeSockets = new WeakSet<Socket>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.express()?.set('trust proxy', this.config.trustProxy);
  }

  async onApplicationBootstrap(): Promise<void> {
    const app = this.express();
    if (this.config.runtimePort === undefined || !app) return;
    const server = createServer(app);
    server.on('connection', (socket) => this.runtimeSockets.add(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.runtimePort, () => resolve());
    });
    this.runtimeServer = server;
    this.logger.info({ port: this.runtimePort }, 'internal API (/internal/*) served on its own port only');
  }

  /** The bound port of the internal listener (RUNTIME_PORT=0 picks one), or undefined. */
  get runtimePort(): number | undefined {
    const address = this.runtimeServer?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  /**
   * Every request: its id (a well-formed `x-request-id`, else a new one) on every log line written while it is
   * served, in the events' `correlationId` and in the response header; then routing by listener.
   */
  readonly middleware: NestMiddleware['use'] = (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    runInRequest(requestId, () => inHttpSpan(req, res, requestId, () => this.route(req, res, next)));
  };

  /** Routes by listener; a no-op when RUNTIME_PORT is unset. */
  private route(req: Request, res: Response, next: NextFunction): void {
    if (this.config.runtimePort === undefined) return next();
    const onRuntimeListener = this.runtimeSockets.has(req.socket);
    if (onRuntimeListener === INTERNAL.test(req.path)) return next();
    res.status(404).json({ error: 'NOT_FOUND', message: 'Not found.' });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.runtimeServer;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private express(): Application | undefined {
    return this.adapterHost.httpAdapter?.getInstance<Application>();
  }
}

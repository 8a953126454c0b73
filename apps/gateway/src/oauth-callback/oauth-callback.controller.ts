import { requestCorrelationId } from '../shared/command-context';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { CLOCK, type Clock, CompleteOAuthGrantCommand } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { DomainError, RateLimitedError } from '@libs/domain';
import { AuthFailureThrottle, LOGGER } from '@libs/infrastructure';
import { clientAddress } from '../throttle/client-address';
import { OAUTH_STATES } from '../connections/connections.tokens';
import type { OAuthStateStore } from '../connections/oauth-state.store';
import { ReadYourWrites } from '../shared/read-your-writes';

type CallbackQuery = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * `GET /oauth/callback?code&state` (ARCHITECTURE.md): no bearer token — the single-use `state` names the recipient,
 * the request and the app. Success (including an app made INVALID by a scope shortfall or a provider error) redirects
 * to `$PUBLIC_URL/requests/<id>`; an unknown, replayed or expired state, or a refused grant that changes nothing
 * (R12.2), answers 400 with the reason (HTML for a browser, JSON otherwise).
 */
@Controller('oauth')
export class OAuthCallbackController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(OAUTH_STATES) private readonly states: OAuthStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly throttle: AuthFailureThrottle,
  ) {}

  @Get('callback')
  async callback(@Query() query: CallbackQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const address = clientAddress(req);
    const state = one(query.state);
    try {
      await this.throttle.assertAllowed('oauth-state', address);
    } catch (error) {
      return this.rateLimited(req, res, error);
    }
    const record = state ? await this.states.consume(state, this.clock.now()) : null;
    if (!record) {
      // R13.12: a guessed state is a failed authentication like a wrong token.
      try {
        await this.throttle.recordFailure('oauth-state', address);
      } catch (error) {
        return this.rateLimited(req, res, error);
      }
      return this.fail(
        req,
        res,
        400,
        'INVALID_STATE',
        'This authorization was already completed or has expired. Start it again from the request.',
      );
    }
    const providerError = one(query.error);
    try {
      const result = await this.commands.execute(
        new CompleteOAuthGrantCommand(
          {
            requestId: record.requestId,
            appKey: record.appKey,
            accessUntil: record.accessUntil,
            redirectUri: `${this.config.publicUrl}/oauth/callback`,
            codeVerifier: record.codeVerifier,
            code: providerError ? null : one(query.code),
            providerError: providerError ? { error: providerError, description: one(query.error_description) } : null,
          },
          {
            actor: { userId: record.userId, isSupport: false },
            correlationId: requestCorrelationId(),
            causationId: null,
          },
        ),
      );
      if (result.refused) return this.fail(req, res, 400, 'ACCOUNT_REFUSED', result.refused);
      await this.readYourWrites.after(result.position);
      res.redirect(302, `${this.config.publicUrl}/requests/${encodeURIComponent(record.requestId)}`);
    } catch (error) {
      if (error instanceof DomainError) {
        const status =
          error.code === 'NOT_FOUND' ? 404 : error.code === 'FORBIDDEN' ? 403 : error.code === 'CONFLICT' ? 409 : 400;
        return this.fail(req, res, status, error.code, error.message);
      }
      this.logger.error({ err: error }, 'oauth callback failed');
      return this.fail(req, res, 500, 'INTERNAL', 'The authorization could not be completed. Try again later.');
    }
  }

  private rateLimited(req: Request, res: Response, error: unknown): void {
    if (!(error instanceof RateLimitedError)) throw error;
    res.setHeader('Retry-After', String(error.retryAfterSeconds));
    return this.fail(req, res, 429, 'RATE_LIMITED', error.message);
  }

  private fail(req: Request, res: Response, status: number, code: string, message: string): void {
    if ((req.headers.accept ?? '').includes('text/html')) {
      res
        .status(status)
        .type('html')
        .send(
          `<!doctype html><meta charset="utf-8"><title>Authorization not completed</title>` +
            `<h1>Authorization not completed</h1><p>${escapeHtml(message)}</p>`,
        );
      return;
    }
    res.status(status).json({ error: code, message });
  }
}

import { requestCorrelationId } from '../../platform/shared/command-context';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { CLOCK, type Clock, CompleteOAuthGrantCommand } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { DomainError, RateLimitedError } from '@libs/domain';
import { AuthFailureThrottle, LOGGER } from '@libs/infrastructure';
import { clientAddress } from '../../platform/throttle/client-address';
import { OAUTH_STATES } from '../connections.tokens';
import type { OAuthStateRecord, OAuthStateStore } from '../oauth-state.store';
import { ReadYourWrites } from '@projections';
import { WebSessions } from '../../platform/web-session/web-sessions';
import { chosenLanguage, failurePage } from './failure-page';
import { reasonOfAppError, reasonOfRefusal, requestPageUrl, type OAuthOutcomeReason } from './oauth-outcome';

type CallbackQuery = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

const wantsHtml = (req: Request) => (req.headers.accept ?? '').includes('text/html');

/**
 * `GET /oauth/callback?code&state` (ARCHITECTURE.md): no bearer token — the single-use `state` names the recipient,
 * the request and the app. Success (including an app made INVALID by a scope shortfall or a provider error) redirects
 * to `$PUBLIC_URL/requests/<id>?oauth=authorized|error&app=<key>[&reason=<code>]` (oauth-outcome.ts). A refusal that
 * changes nothing (R12.2) or a domain error redirects a browser (`Accept: text/html`) to the same page with its
 * reason, and answers other clients with the status and JSON; an unknown, replayed or expired state (no request to
 * go back to) answers 400 (HTML for a browser, JSON otherwise). A grant started from a browser session completes
 * only with that session's cookie (403 OTHER_BROWSER otherwise, the state left unused): whoever else holds the
 * provider link — someone the recipient sent it to — cannot put their account into the recipient's request. The
 * provider's `error` becomes a known RFC 6749 code in the app's error, never its free text.
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
    private readonly sessions: WebSessions,
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
    const now = this.clock.now();
    // Nothing of the query (code, error, error_description) is looked at before the state is known to be valid,
    // unused and — for a grant started in the web app — presented by the browser session that started it.
    const pending = state ? await this.states.peek(state, now) : null;
    const browser = pending?.browserBinding ? ((await this.sessions.sessionOf(req.headers))?.idHash ?? null) : null;
    if (pending?.browserBinding && browser !== pending.browserBinding) {
      this.logger.warn({ requestId: pending.requestId, appKey: pending.appKey }, 'oauth callback from another browser');
      return this.fail(
        req,
        res,
        403,
        'OTHER_BROWSER',
        'This authorization was started in another browser. Open it from the request, signed in as its recipient.',
      );
    }
    const record = state && pending ? await this.states.consume(state, now, browser) : null;
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
      if (result.refused) {
        return this.failFor(record, 'wrong_account', req, res, 400, 'ACCOUNT_REFUSED', result.refused);
      }
      await this.readYourWrites.after(result.position);
      const outcome =
        result.status === 'AUTHORIZED'
          ? ({ authorized: true } as const)
          : ({ authorized: false, reason: reasonOfAppError(result.error) } as const);
      res.redirect(302, requestPageUrl(this.config.publicUrl, record.requestId, record.appKey, outcome));
    } catch (error) {
      if (error instanceof DomainError) {
        const status =
          error.code === 'NOT_FOUND' ? 404 : error.code === 'FORBIDDEN' ? 403 : error.code === 'CONFLICT' ? 409 : 400;
        return this.failFor(record, reasonOfRefusal(error), req, res, status, error.code, error.message);
      }
      this.logger.error({ err: error }, 'oauth callback failed');
      const message = 'The authorization could not be completed. Try again later.';
      return this.failFor(record, 'internal', req, res, 500, 'INTERNAL', message);
    }
  }

  private rateLimited(req: Request, res: Response, error: unknown): void {
    if (!(error instanceof RateLimitedError)) throw error;
    res.setHeader('Retry-After', String(error.retryAfterSeconds));
    return this.fail(req, res, 429, 'RATE_LIMITED', error.message);
  }

  /** A browser goes back to the request's page with the reason; an API client gets the status and JSON. */
  private failFor(
    record: OAuthStateRecord,
    reason: OAuthOutcomeReason,
    req: Request,
    res: Response,
    status: number,
    code: string,
    message: string,
  ): void {
    if (!wantsHtml(req)) return this.fail(req, res, status, code, message);
    res.redirect(
      302,
      requestPageUrl(this.config.publicUrl, record.requestId, record.appKey, { authorized: false, reason }),
    );
  }

  private fail(req: Request, res: Response, status: number, code: string, message: string): void {
    if (wantsHtml(req)) {
      res
        .status(status)
        .type('html')
        .send(
          failurePage(
            chosenLanguage(req.headers.cookie) ?? (req.acceptsLanguages('en', 'pt-BR', 'pt') || 'en'),
            code,
            message,
            this.config.publicUrl,
          ),
        );
      return;
    }
    res.status(status).json({ error: code, message });
  }
}

// +Create request, as on the help page: request name and recipient, Next, then per app its fields, +Add app,
// the terms box and Submit; then the confirmation. Server errors (BAD_USER_INPUT) appear at the fields they name.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { Button } from '../../../components/Button';
import { NoWorkspaceMessage } from '../../../components/NoWorkspace';
import { LeaveGuard } from '../../../components/LeaveGuard';
import { OptionsState } from '../../../components/ReadFailure';
import { fieldError, readError, type FieldError, type ReadError } from '../../../lib/errors';
import { withoutField, withoutItem } from '../../../lib/field-paths';
import { plausibleEmail } from '../../../lib/form-checks';
import { inNoTeam, isOrgAdmin, useWorkspace } from '../../../lib/workspace';
import type { CreateCredentialRequestInput, Language, RequestDetailsFieldsFragment } from '../../../gql/graphql';
import { CreateRequestViewer, OrganizationPeople, TeamPeople } from '../api/queries';
import { useCatalogApps } from '../api/catalog';
import { CreateRequest } from '../api/mutations';
import { AppFields, emptyApp, type AppDraft } from '../components/AppFields';
import { emptyRecipient, RecipientFields, type RecipientDraft } from '../components/RecipientFields';
import { CharCount } from '../components/CharCount';
import { usePageTitle } from '../../../lib/use-page-title';
import { LIMITS } from '../../../lib/limits';
import { apiLanguage } from '../../../lib/i18n';
import { eligiblePlan, recipientScope } from '../policies';

/** A draft's fields that the server's errors name by the same name (`input.apps.1.note`). */
const APP_FIELDS = ['version', 'modules', 'note', 'connectionName', 'expectedAccountDomain'] as const;

/**
 * `/requests/new`: a new form at each arrival. "Create another request", after one was sent, starts over with its own
 * idempotency key (R4.3): the same path, so the link replaces the history entry, but with a new location key.
 */
export function CreateRequestRoute() {
  const location = useLocation();
  return (
    <CreateRequestPage key={location.key} again={(location.state as { again?: boolean } | null)?.again ?? false} />
  );
}

export function CreateRequestPage({ again = false }: { again?: boolean }) {
  const { t, i18n } = useTranslation('requests');
  const ws = useWorkspace();
  const client = useApolloClient();
  const catalog = useCatalogApps();
  const viewer = useQuery(CreateRequestViewer, { fetchPolicy: 'cache-and-network' });
  const [create, creation] = useMutation(CreateRequest);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [recipient, setRecipient] = useState<RecipientDraft>(() => emptyRecipient(apiLanguage(i18n.language)));
  // Whom one may ask depends on the team (R3.1–R3.3): a recipient picked for another team starts over, rather than
  // stay chosen out of sight and be refused at Submit.
  const [recipientTeam, setRecipientTeam] = useState(ws.teamId);
  const [step, setStep] = useState<1 | 2>(1);
  const [apps, setApps] = useState<AppDraft[]>([emptyApp()]);
  const [terms, setTerms] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // 'fields': the server named fields (said at each, and once above); else its refusal, read in the page's language.
  const [summary, setSummary] = useState<'fields' | ReadError | null>(null);
  if (recipientTeam !== ws.teamId) {
    setRecipientTeam(ws.teamId);
    setRecipient(emptyRecipient(apiLanguage(i18n.language)));
    // What the server said was about the other team's request.
    setErrors([]);
    setSummary(null);
  }
  const [sent, setSent] = useState<RequestDetailsFieldsFragment | null>(null);
  // R4.3: one key per form. Submit pressed again after an answer that never arrived (a dropped connection) returns
  // the request created the first time instead of sending the recipient a second one.
  const [idempotencyKey] = useState(randomKey);
  // Where the focus goes once the next render is on screen (a selector within the page): a step, a refusal or the
  // confirmation replaces what had the focus, which would otherwise fall back to the page's body.
  const page = useRef<HTMLElement>(null);
  // Another request after one was sent: the link pressed went with the confirmation, and the new form's heading takes
  // the focus when it first shows (the form may wait for its reads).
  const headingToFocus = useRef(again);
  const focusOnce = (heading: HTMLHeadingElement | null) => {
    if (!heading || !headingToFocus.current) return;
    headingToFocus.current = false;
    heading.focus();
  };
  const focusAfterRender = useRef<string | null>(null);
  const formShown = useRef(false);
  useEffect(() => {
    const selector = focusAfterRender.current;
    if (!selector) return;
    focusAfterRender.current = null;
    page.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  usePageTitle(t(sent ? 'create.sentTitle' : 'create.title'));

  const org = ws.organization;
  const team = ws.team;
  if (!org || !team) {
    return (
      <section>
        <h1>{t('create.title')}</h1>
        {ws.loading ? (
          <p>{t('loading', { ns: 'common' })}</p>
        ) : (
          <NoWorkspaceMessage message={t('create.noTeam', { organization: org?.name ?? '' })} />
        )}
      </section>
    );
  }
  if (sent) {
    return (
      <section ref={page}>
        <h1 tabIndex={-1}>{t('create.sentTitle')}</h1>
        <p className="notice notice-success" role="status">
          {t(sent.recipient.external ? 'create.sentExternal' : 'create.sentInternal', {
            name: sent.name,
            recipient: sent.recipient.name,
          })}
        </p>
        <div className="actions">
          <Link className="btn btn-primary" to={`/requests/${sent.id}`}>
            {t('create.viewRequest')}
          </Link>
          <Link className="btn" to="/requests/new" state={{ again: true }}>
            {t('create.anotherRequest')}
          </Link>
          <Link className="btn" to="/requests">
            {t('details.back')}
          </Link>
        </div>
      </section>
    );
  }

  // R3.4, R2.2 and R3.1–R3.3: a guest, an organization whose plan does not include the feature, someone without the
  // feature, or someone not in the chosen team would be refused at Submit (FORBIDDEN, PLAN_NOT_ELIGIBLE,
  // FEATURE_NOT_ENABLED) after filling in everything: the page says so first, the widest reason first.
  // A refusal that takes the form's place (refused at Submit, and the organizations read again since) takes the focus
  // with it: the focus was in the form, which is gone.
  const focusIfFormWent = (notice: HTMLParagraphElement | null) => {
    if (!notice || !formShown.current) return;
    formShown.current = false;
    notice.focus();
  };
  // What was read when the tab opened may be out of date (a plan set since, the feature approved since): a refusal
  // waits for the reads that the way here started, rather than flash and then give way to the form. Not for a read
  // again later (the tab shown again, a Submit refused): the refusal on screen stays until its answer.
  const settling = !ws.fresh || viewer.networkStatus === NetworkStatus.loading;
  const refused = (notice: string, link?: { to: string; label: string }) => (
    <section>
      <h1>{t('create.title')}</h1>
      {settling ? (
        <p role="status">{t('loading', { ns: 'common' })}</p>
      ) : (
        <>
          <p className="notice" data-refused-here="" tabIndex={-1} ref={focusIfFormWent}>
            {notice}
          </p>
          {link ? (
            <p>
              <Link to={link.to}>{link.label}</Link>
            </p>
          ) : (
            <Link to="/requests">{t('details.back')}</Link>
          )}
        </>
      )}
    </section>
  );
  const names = { organization: org.name, team: team.name };
  if (org.viewerRole === 'GUEST') return refused(t('create.guest', names));
  const orgAdmin = isOrgAdmin(org);
  if (!eligiblePlan(org)) return refused(t(orgAdmin ? 'create.planNotEligibleAdmin' : 'create.planNotEligible', names));
  if (viewer.data && !viewer.data.me.credentialRequestsEnabled) {
    return refused(t('create.featureOff'), { to: '/feature-access', label: t('create.featureOffLink') });
  }
  if (!team.viewerRole) {
    // An owner or admin may add themselves: they are told what a member of a team can do, as before.
    return refused(t(!orgAdmin && inNoTeam(org) ? 'create.inNoTeam' : 'create.notInTeam', names));
  }
  const scope = org.viewerRole ? recipientScope(org.viewerRole, team.viewerRole) : 'NONE';
  if (scope === 'NONE') return refused(t('create.teamGuest', names));
  const recipientName = recipient.kind === 'inside' ? recipient.memberName : recipient.name.trim();

  // What was said of a field (at Next, or by the server at Submit) is about a value no longer there once it changes:
  // it goes, and so does "correct the fields marked below" when no field is marked any more.
  const forget = (paths: string[]) => {
    const left = paths.reduce(withoutField, errors);
    if (left.length === errors.length) return;
    setErrors(left);
    if (left.length === 0 && summary === 'fields') setSummary(null);
  };
  const changeRecipient = (draft: RecipientDraft) => {
    const keys = (['userId', 'name', 'email', 'language'] as const).filter((k) => draft[k] !== recipient[k]);
    forget(draft.kind !== recipient.kind ? ['input.recipient'] : keys.map((k) => `input.recipient.${k}`));
    setRecipient(draft);
  };
  const changeApp = (i: number, draft: AppDraft) => {
    const before = apps[i];
    // Another app is a new card: all it said goes. Otherwise each field changed (both module fields say `modules`).
    const paths =
      draft.appKey !== before.appKey
        ? [`input.apps.${i}`]
        : APP_FIELDS.filter((key) => draft[key] !== before[key]).map((key) => `input.apps.${i}.${key}`);
    forget(paths);
    setApps((list) => list.map((x, j) => (j === i ? draft : x)));
  };

  const next = () => {
    // Said in the server's own sentences, so that they reach the page through the one translation every field
    // error takes (lib/field-messages.ts), in whatever language is shown when they are read.
    const REQUIRED = 'is required';
    const missing: FieldError[] = [];
    if (!name.trim()) missing.push({ path: 'input.name', message: REQUIRED });
    if (recipient.kind === 'inside' && !recipient.userId)
      missing.push({ path: 'input.recipient.userId', message: REQUIRED });
    if (recipient.kind === 'outside' && !recipient.name.trim())
      missing.push({ path: 'input.recipient.name', message: REQUIRED });
    if (recipient.kind === 'outside' && !recipient.email.trim())
      missing.push({ path: 'input.recipient.email', message: REQUIRED });
    // A plainly malformed address is said at Next, not two steps later (the server still decides at Submit).
    else if (recipient.kind === 'outside' && !plausibleEmail(recipient.email))
      missing.push({ path: 'input.recipient.email', message: 'email must be a valid e-mail address' });
    // Lengths too, with the server's numbers: a name too long is said here, not after the apps were chosen.
    const tooLong = (path: string, value: string, max: number) => {
      if (value.trim().length > max && !missing.some((m) => m.path === path))
        missing.push({ path, message: `must be at most ${max} characters` });
    };
    tooLong('input.name', name, LIMITS.name);
    tooLong('input.description', description, LIMITS.description);
    if (recipient.kind === 'outside') tooLong('input.recipient.name', recipient.name, LIMITS.recipientName);
    setErrors(missing);
    // A refusal of the last Submit is about the form as it was then.
    setSummary(null);
    if (missing.length === 0) setStep(2);
    focusAfterRender.current = missing.length === 0 ? 'fieldset[data-app-index="0"] select' : '[aria-invalid="true"]';
  };

  const toFirstStep = () => {
    setStep(1);
    focusAfterRender.current = 'form input[type="text"]';
  };

  const submit = async () => {
    const input: CreateCredentialRequestInput = {
      teamId: team.id,
      name: name.trim(),
      description: description.trim() || null,
      termsAccepted: terms,
      idempotencyKey,
      recipient:
        recipient.kind === 'inside'
          ? { userId: recipient.userId || null }
          : { name: recipient.name.trim(), email: recipient.email.trim(), language: recipient.language as Language },
      apps: apps.map((a) => ({
        appKey: a.appKey,
        version: a.version,
        modules: a.modules,
        note: a.note.trim() || null,
        connectionName: a.connectionNameEdited ? a.connectionName.trim() || null : null,
        expectedAccountDomain: a.expectedAccountDomain.trim() || null,
      })),
    };
    try {
      const { data } = await create({ variables: { input } });
      if (data) setSent(data.createCredentialRequest);
      focusAfterRender.current = 'h1';
    } catch (e) {
      const err = readError(e);
      // Refused for who the sender is or where (a plan changed, the feature withdrawn, a role taken away since the
      // page was read): the header and this page read it all again, and say it as they do on arrival.
      if (err.code === 'PLAN_NOT_ELIGIBLE' || err.code === 'FEATURE_NOT_ENABLED' || err.code === 'FORBIDDEN') {
        ws.retry();
        void viewer.refetch().catch(() => undefined);
      }
      // Any refusal reads the people to ask again: the one chosen may have left the team or the organization
      // meanwhile (R3.1, R13.13), which the server says as FORBIDDEN or at the recipient's field.
      void client.refetchQueries({ include: [TeamPeople, OrganizationPeople] }).catch(() => undefined);
      setErrors(err.fields);
      setSummary(err.fields.length > 0 ? 'fields' : err);
      focusAfterRender.current = '[data-summary]';
    }
  };

  // Typed and not sent: a stray Back or link asks before it is lost; Back on the apps step goes to the first step.
  const drafted =
    step === 2 ||
    !!name.trim() ||
    !!description.trim() ||
    (recipient.kind === 'inside' ? !!recipient.userId : !!(recipient.name.trim() || recipient.email.trim()));
  return (
    <section ref={page}>
      {/* The heading first, as in the page's other states (loading, a refusal that gave way to the form): React keeps
          the same element, and the focus the frame put on it, when the form replaces them. */}
      <h1 tabIndex={-1} ref={focusOnce}>
        {t('create.title')}
      </h1>
      <LeaveGuard when={drafted} back={step === 2 ? toFirstStep : null} />
      <p className="muted" data-sent-from="">
        {t('create.sentFrom', { team: team.name, organization: org.name })}
      </p>
      {summary && (
        <p className="notice notice-error" role="alert" tabIndex={-1} data-summary>
          {summary === 'fields' ? t('create.fixErrors') : summary.message}
        </p>
      )}
      <form
        ref={(form) => {
          if (form) formShown.current = true;
        }}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step === 1) next();
          else void submit();
        }}
      >
        <Field
          label={t('create.name')}
          hint={
            <>
              {t('create.nameHint')} <CharCount value={name} max={LIMITS.name} />
            </>
          }
          error={fieldError(errors, 'input.name')}
        >
          <input
            type="text"
            value={name}
            onChange={(e) => {
              forget(['input.name']);
              setName(e.target.value);
            }}
          />
        </Field>
        <RecipientFields
          organization={org}
          team={team}
          scope={scope}
          draft={recipient}
          errors={errors}
          onChange={changeRecipient}
        />
        <Field
          label={t('create.description')}
          hint={
            <>
              {t('create.descriptionHint')} <CharCount value={description} max={LIMITS.description} />
            </>
          }
          error={fieldError(errors, 'input.description')}
        >
          <textarea
            rows={2}
            value={description}
            onChange={(e) => {
              forget(['input.description']);
              setDescription(e.target.value);
            }}
          />
        </Field>
        {step === 1 ? (
          <Button type="submit" variant="primary">
            {t('create.next')}
          </Button>
        ) : (
          <>
            {fieldError(errors, 'input.apps') && !apps.some((_, i) => fieldError(errors, `input.apps.${i}`)) && (
              <p className="field-error" role="alert">
                {fieldError(errors, 'input.apps')}
              </p>
            )}
            {/* The apps each card offers: an unread catalog would look like an empty one. */}
            <OptionsState
              loading={catalog.loading}
              error={catalog.error}
              onRetry={() => void catalog.refetch().catch(() => undefined)}
            />
            {apps.map((draft, i) => (
              <AppFields
                key={i}
                index={i}
                draft={draft}
                catalog={catalog.data?.apps ?? []}
                taken={new Set(apps.filter((_, j) => j !== i).map((a) => a.appKey))}
                recipientName={recipientName}
                errors={errors}
                onChange={(d) => changeApp(i, d)}
                onRemove={
                  apps.length > 1
                    ? () => {
                        setApps((list) => list.filter((_, j) => j !== i));
                        // The server's errors name apps by position: the removed card's go, the later ones move up.
                        const left = withoutItem(errors, 'apps', i);
                        setErrors(left);
                        // "Correct the fields marked below" with none marked any more says nothing true.
                        if (left.length === 0 && summary === 'fields') setSummary(null);
                        // The Remove button goes with its card: the focus goes to +Add app, after the cards left.
                        focusAfterRender.current = 'button[data-add-app]';
                      }
                    : undefined
                }
              />
            ))}
            <Button
              data-add-app=""
              onClick={() => {
                setApps((list) => [...list, emptyApp()]);
                // The new card's first choice, as Next does for the first one: +Add app stays behind it.
                focusAfterRender.current = `fieldset[data-app-index="${apps.length}"] select`;
              }}
            >
              {t('create.addApp')}
            </Button>
            <div
              className={
                fieldError(errors, 'input.termsAccepted') ? 'field field-check field-invalid' : 'field field-check'
              }
            >
              <input
                id="terms"
                type="checkbox"
                checked={terms}
                onChange={(e) => {
                  forget(['input.termsAccepted']);
                  setTerms(e.target.checked);
                }}
                aria-invalid={fieldError(errors, 'input.termsAccepted') ? true : undefined}
                aria-describedby={fieldError(errors, 'input.termsAccepted') ? 'terms-error' : undefined}
              />
              <label htmlFor="terms">{t('create.terms')}</label>
            </div>
            {fieldError(errors, 'input.termsAccepted') && (
              <p id="terms-error" className="field-error" role="alert">
                {fieldError(errors, 'input.termsAccepted')}
              </p>
            )}
            <div className="actions">
              <Button onClick={toFirstStep}>{t('create.back')}</Button>
              <Button type="submit" variant="primary" busy={creation.loading}>
                {creation.loading ? t('create.submitting') : t('create.submit')}
              </Button>
            </div>
          </>
        )}
      </form>
    </section>
  );
}

/** 128 random bits in hex. Not `crypto.randomUUID`: browsers offer it only on https or localhost. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Step 1's recipient: someone in the team (a team member, R3.1) or the organization (a team admin, R3.2), from a
// picker, or, for org admins and owners only (R3.3), someone outside it (name, e-mail, and the language of the
// e-mails they will get: they have no account to choose it).
import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { OptionsState } from '../../../components/ReadFailure';
import { fieldError, ownError, type FieldError } from '../../../lib/errors';
import { OrganizationPeople, TeamPeople } from '../api/queries';
import type { RecipientScope } from '../policies';
import { LIMITS } from '../../../lib/limits';
import { CharCount } from './CharCount';

export interface RecipientDraft {
  kind: 'inside' | 'outside';
  userId: string;
  memberName: string;
  name: string;
  email: string;
  language: 'EN' | 'PT_BR';
}

/** `language`: the page's own, the likeliest one for someone the requester writes to in it; the select changes it. */
export const emptyRecipient = (language: RecipientDraft['language']): RecipientDraft => ({
  kind: 'inside',
  userId: '',
  memberName: '',
  name: '',
  email: '',
  language,
});

export function RecipientFields({
  organization,
  team,
  scope,
  draft,
  errors,
  onChange,
}: {
  organization: { id: string; name: string };
  team: { id: string; name: string };
  scope: RecipientScope;
  draft: RecipientDraft;
  errors: FieldError[];
  onChange: (d: RecipientDraft) => void;
}) {
  const { t } = useTranslation('requests');
  const onlyTeam = scope === 'TEAM';
  const canAskOutside = scope === 'ANYONE';
  const inOrganization = useQuery(OrganizationPeople, {
    variables: { organizationId: organization.id },
    skip: onlyTeam,
  });
  const inTeam = useQuery(TeamPeople, { variables: { teamId: team.id }, skip: !onlyTeam });
  const read = onlyTeam ? inTeam : inOrganization;
  const me = read.data?.me.id;
  const people = ((onlyTeam ? inTeam.data?.team?.members : inOrganization.data?.organization?.members) ?? []).filter(
    (m) => m.user.id !== me,
  );
  // Read, and nobody to choose: said, rather than a list with nothing in it.
  const nobody =
    read.data && people.length === 0
      ? onlyTeam
        ? t('create.nobodyInTeam', { team: team.name })
        : t('create.nobodyInOrganization', { organization: organization.name })
      : null;
  const hint =
    [onlyTeam ? t('create.onlyTeam', { team: team.name }) : null, nobody].filter(Boolean).join(' ') || undefined;
  const set = (patch: Partial<RecipientDraft>) => onChange({ ...draft, ...patch });
  // Someone chosen who is no longer among the people to ask (they left the team meanwhile, read again after a
  // refusal) is not kept chosen out of sight: the field asks for someone else.
  const gone =
    !!read.data && draft.kind === 'inside' && !!draft.userId && !people.some((m) => m.user.id === draft.userId);
  useEffect(() => {
    if (gone) set({ userId: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the person went
  }, [gone]);
  return (
    <fieldset>
      <legend>{t('create.recipient')}</legend>
      <div className="field field-check">
        <input
          id="recipient-inside"
          type="radio"
          name="recipient-kind"
          checked={draft.kind === 'inside'}
          onChange={() => set({ kind: 'inside' })}
        />
        <label htmlFor="recipient-inside">{t('create.inside', { org: organization.name })}</label>
      </div>
      <div className="field field-check">
        <input
          id="recipient-outside"
          type="radio"
          name="recipient-kind"
          checked={draft.kind === 'outside'}
          disabled={!canAskOutside}
          aria-describedby={canAskOutside ? undefined : 'recipient-outside-hint'}
          onChange={() => set({ kind: 'outside' })}
        />
        <label htmlFor="recipient-outside">{t('create.outside', { org: organization.name })}</label>
      </div>
      {!canAskOutside && (
        <p id="recipient-outside-hint" className="field-hint">
          {t('create.outsideOnlyAdmins')}
        </p>
      )}
      {draft.kind === 'inside' ? (
        <>
          <Field
            label={t('create.member')}
            hint={hint}
            error={fieldError(errors, 'input.recipient.userId') ?? ownError(errors, 'input.recipient')}
          >
            <select
              value={draft.userId}
              onChange={(e) =>
                set({
                  userId: e.target.value,
                  memberName: people.find((p) => p.user.id === e.target.value)?.user.name ?? '',
                })
              }
            >
              <option value="">{t('create.chooseMember')}</option>
              {people.map((p) => (
                <option key={p.user.id} value={p.user.id}>
                  {p.user.name} ({p.user.email})
                </option>
              ))}
            </select>
          </Field>
          <OptionsState
            loading={read.loading}
            error={read.error}
            onRetry={() => void read.refetch().catch(() => undefined)}
          />
        </>
      ) : (
        <>
          <Field
            label={t('create.recipientName')}
            hint={<CharCount value={draft.name} max={LIMITS.recipientName} />}
            error={fieldError(errors, 'input.recipient.name') ?? ownError(errors, 'input.recipient')}
          >
            <input type="text" autoComplete="off" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label={t('create.recipientEmail')} error={fieldError(errors, 'input.recipient.email')}>
            <input
              type="email"
              autoComplete="off"
              value={draft.email}
              onChange={(e) => set({ email: e.target.value })}
            />
          </Field>
          <Field label={t('create.recipientLanguage')} error={fieldError(errors, 'input.recipient.language')}>
            <select
              value={draft.language}
              onChange={(e) => set({ language: e.target.value === 'PT_BR' ? 'PT_BR' : 'EN' })}
            >
              <option value="EN" lang="en">
                English
              </option>
              <option value="PT_BR" lang="pt-BR">
                Português (Brasil)
              </option>
            </select>
          </Field>
        </>
      )}
    </fieldset>
  );
}

// One app of a new request: App, Version (when there are several), Modules with Select all and each module's
// scopes (R4.2), Note, Connection name with its default, and for OAuth2 apps the expected account domain (R12.2).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, GroupError } from '../../../components/Field';
import { Button } from '../../../components/Button';
import { fieldError, type FieldError } from '../../../lib/errors';
import { moduleName } from '../../../lib/module-name';
import type { CatalogAppsQuery } from '../../../gql/graphql';
import { CharCount } from './CharCount';
import { LIMITS } from '../../../lib/limits';

export type CatalogApp = CatalogAppsQuery['apps'][number];

export interface AppDraft {
  appKey: string;
  version: number | null;
  modules: string[];
  note: string;
  connectionName: string;
  connectionNameEdited: boolean;
  expectedAccountDomain: string;
}

export const emptyApp = (): AppDraft => ({
  appKey: '',
  version: null,
  modules: [],
  note: '',
  connectionName: '',
  connectionNameEdited: false,
  expectedAccountDomain: '',
});

export function defaultConnectionName(app: CatalogApp | undefined, recipientName: string): string {
  return app ? `${app.name} (${recipientName})` : '';
}

export function AppFields({
  index,
  draft,
  catalog,
  taken,
  recipientName,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  draft: AppDraft;
  catalog: CatalogApp[];
  /** apps chosen in the other cards: one app appears once in a request (offered, it would only be refused later) */
  taken: ReadonlySet<string>;
  recipientName: string;
  errors: FieldError[];
  onChange: (draft: AppDraft) => void;
  onRemove?: () => void;
}) {
  const { t, i18n } = useTranslation('requests');
  const id = useId();
  const at = `input.apps.${index}`;
  const app = catalog.find((a) => a.key === draft.appKey);
  const version = app?.versions.find((v) => v.version === draft.version) ?? app?.versions[app.versions.length - 1];
  const allSelected = !!version && version.modules.every((m) => draft.modules.includes(m.key));
  const set = (patch: Partial<AppDraft>) => onChange({ ...draft, ...patch });
  const connectionName = draft.connectionNameEdited ? draft.connectionName : defaultConnectionName(app, recipientName);
  return (
    <fieldset className="card app-fields" data-app-index={index}>
      <legend>{t('create.appHeading', { n: index + 1 })}</legend>
      <Field label={t('create.app')} error={fieldError(errors, `${at}.appKey`)}>
        <select
          value={draft.appKey}
          onChange={(e) => {
            const next = catalog.find((a) => a.key === e.target.value);
            set({
              appKey: e.target.value,
              version: next ? next.versions[next.versions.length - 1].version : null,
              modules: [],
              expectedAccountDomain: '',
            });
          }}
        >
          <option value="">{t('create.chooseApp')}</option>
          {catalog.map((a) => (
            // Offered but not choosable: the server would refuse it (its OAuth2 client is not set up here, R4.1).
            <option key={a.key} value={a.key} disabled={taken.has(a.key) || !a.available}>
              {taken.has(a.key)
                ? t('create.appTaken', { app: a.name })
                : a.available
                  ? a.name
                  : t('create.appUnavailable', { app: a.name })}
            </option>
          ))}
        </select>
      </Field>
      {app && app.versions.length > 1 && (
        <Field label={t('create.version')} error={fieldError(errors, `${at}.version`)}>
          <select
            value={String(version?.version ?? '')}
            onChange={(e) => set({ version: Number(e.target.value), modules: [] })}
          >
            {app.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t('create.versionN', { n: v.version })}
              </option>
            ))}
          </select>
        </Field>
      )}
      {version && (
        <fieldset className="modules" aria-describedby={`${id}-modules-error`}>
          <legend>{t('create.modules')}</legend>
          <div className="field field-check">
            <input
              id={`${id}-all`}
              type="checkbox"
              checked={allSelected}
              onChange={(e) => set({ modules: e.target.checked ? version.modules.map((m) => m.key) : [] })}
            />
            <label htmlFor={`${id}-all`}>{t('create.selectAll')}</label>
          </div>
          {version.modules.map((m) => (
            <div key={m.key} className="field field-check module-option">
              <input
                id={`${id}-m-${m.key}`}
                type="checkbox"
                checked={draft.modules.includes(m.key)}
                aria-describedby={m.scopes.length > 0 ? `${id}-s-${m.key}` : undefined}
                onChange={(e) =>
                  set({
                    modules: e.target.checked ? [...draft.modules, m.key] : draft.modules.filter((k) => k !== m.key),
                  })
                }
              />
              <label htmlFor={`${id}-m-${m.key}`}>{moduleName(m, i18n.language)}</label>
              {m.scopes.length > 0 && (
                <span id={`${id}-s-${m.key}`} className="field-hint">
                  {t('create.scopes', { scopes: m.scopes.join(', ') })}
                </span>
              )}
            </div>
          ))}
          <div id={`${id}-modules-error`}>
            <GroupError error={fieldError(errors, `${at}.modules`)} />
          </div>
        </fieldset>
      )}
      <Field
        label={t('create.note')}
        hint={
          <>
            {t('create.noteHint')} <CharCount value={draft.note} max={LIMITS.note} />
          </>
        }
        error={fieldError(errors, `${at}.note`)}
      >
        <textarea rows={2} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
      </Field>
      <Field
        label={t('create.connectionName')}
        hint={
          <>
            {t('create.connectionNameHint')}{' '}
            {/* The default is the server's, and is not sent: only a name typed here is counted (and checked). */}
            {draft.connectionNameEdited && <CharCount value={draft.connectionName} max={LIMITS.connectionName} />}
          </>
        }
        error={fieldError(errors, `${at}.connectionName`)}
      >
        <input
          type="text"
          value={connectionName}
          onChange={(e) => set({ connectionName: e.target.value, connectionNameEdited: true })}
        />
      </Field>
      {version?.connectionType === 'OAUTH2' && (
        <Field
          label={t('create.expectedDomain')}
          hint={t('create.expectedDomainHint')}
          error={fieldError(errors, `${at}.expectedAccountDomain`)}
        >
          <input
            type="text"
            value={draft.expectedAccountDomain}
            onChange={(e) => set({ expectedAccountDomain: e.target.value })}
          />
        </Field>
      )}
      {onRemove && (
        <Button variant="link" onClick={onRemove}>
          {t('create.removeApp', { n: index + 1 })}
        </Button>
      )}
    </fieldset>
  );
}

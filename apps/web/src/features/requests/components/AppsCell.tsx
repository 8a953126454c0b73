import type { RequestRowFieldsFragment } from '../../../gql/graphql';

export function AppsCell({ apps }: { apps: RequestRowFieldsFragment['apps'] }) {
  return (
    <ul className="chips">
      {apps.map((a) => (
        <li key={a.appKey}>{a.appName}</li>
      ))}
    </ul>
  );
}

import { auditProjector } from './audit/audit.projector';
import { connectionsProjector } from './connections/connections.projector';
import { directoryProjector } from './directory/directory.projector';
import type { Projector } from './projector';
import { requestsProjector } from './requests/requests.projector';

/** Every read model, in the order the runner starts them. */
export const allProjectors: readonly Projector[] = [
  directoryProjector,
  requestsProjector,
  connectionsProjector,
  auditProjector,
];

export function projectorNamed(name: string): Projector {
  const projector = allProjectors.find((p) => p.name === name);
  if (!projector) throw new Error(`unknown projection ${name}; known: ${allProjectors.map((p) => p.name).join(', ')}`);
  return projector;
}

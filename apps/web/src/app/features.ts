// The list of features: each brings its routes, navigation and catalogue (see src/lib/feature.ts).
import type { Feature } from '../lib/feature';
import { requestsFeature } from '../features/requests';
import { directoryFeature } from '../features/directory';
import { featureAccessFeature } from '../features/feature-access';
import { auditLogFeature } from '../features/audit-log';
import { webhooksFeature } from '../features/webhooks';

export const features: Feature[] = [
  requestsFeature,
  directoryFeature,
  featureAccessFeature,
  auditLogFeature,
  webhooksFeature,
];

// The list of features: each brings its routes, navigation and catalogue (see src/lib/feature.ts).
import type { Feature } from '../lib/feature';
import { requestsFeature } from '../features/requests';

export const features: Feature[] = [requestsFeature];

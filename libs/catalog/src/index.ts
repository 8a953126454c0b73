export * from './catalog.types';
export * from './catalog-validation';
export * from './catalog';
export * from './availability';

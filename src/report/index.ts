export * from './attach-exchange';
export { CATALOG_ANNOTATION, DECISION_ANNOTATION } from './catalog-coverage';
export * from './labels';
export * from './report-step';

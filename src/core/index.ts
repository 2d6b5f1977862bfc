export * from './cell';
export * from './errors';
export * from './is-date';
export * from './key-result';
export * from './kpi';
export * from './objective';
export * from './pace';
export * from './read-cells';

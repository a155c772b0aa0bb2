export * from './types.js';
export * from './catalogue.js';
export * from './document.js';
export * from './validation.js';
export * from './commands.js';
export * from './history.js';
export * from './migrate.js';
export * from './restore.js';
export { newId } from './ids.js';

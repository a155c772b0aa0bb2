/**
 * The package's public API, free of side effects: importing it registers nothing.
 * Import `natverkskarta/define` to register `<natverkskarta-editor>`.
 */
export * from './model/index.js';

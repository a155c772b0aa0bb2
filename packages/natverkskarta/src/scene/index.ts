export * from './palette.js';
export * from './typography.js';
export * from './wrap-text.js';
export * from './marks.js';
export * from './labels.js';
export * from './scene.js';
export * from './map-picture.js';

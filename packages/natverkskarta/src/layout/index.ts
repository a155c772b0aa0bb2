export * from './geometry.js';
export { changedPositions, mapFrame, needsLayout, type LayoutOptions, type Positions } from './placement.js';
export { layoutMap } from './layout-map.js';

export * from './geometry.js';
export { layoutMap, changedPositions, mapFrame, needsLayout, type Positions, type LayoutOptions } from './layout-map.js';

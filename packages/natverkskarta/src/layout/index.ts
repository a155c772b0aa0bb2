export * from './geometry.js';
export { layoutMap, changedPositions, type Positions, type LayoutOptions } from './layout-map.js';

// cytoscape.js as a page would load it: the whole library (its default export is the full API).
export { default } from 'cytoscape';

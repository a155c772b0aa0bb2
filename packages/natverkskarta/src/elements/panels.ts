/**
 * The parts of the editor that are not needed for its first picture: the forms, the legend and the keyboard
 * help. They come in a chunk of their own, fetched right after the map is on screen (see the editor's
 * `firstUpdated`), which keeps the first download small.
 */
export { renderAddForm, renderEditForm } from './actor-form.js';
export { renderHelpDialog } from './help-dialog.js';
export { renderLegend } from './legend.js';
export { renderIntake, findCategories, QuickAddController } from './quick-add.js';
export { adoptPanelStyles } from './panel-styles.js';
export { renderWalk, WalkController } from './walk.js';

/**
 * The parts of the editor that are not needed for its first picture: the contact list, the forms, the legend,
 * the toolbar's menu (and the measure of what folds into it), the keyboard help, the layers of a dragged actor
 * and of gliding ones, the file download, and the map's versions and the reading of a hand-over file. They come
 * in a chunk of their own, fetched right after the map is on screen (see the editor's `firstUpdated`), which keeps
 * the first download small.
 */
export { fieldErrorsOf, renderAddForm, renderEditForm, showFirstError } from './actor-form.js';
export { renderContactList } from './contact-list.js';
export { DragLayer } from './drag-layer.js';
export { download, safeFileName } from './download.js';
export { GlideLayer } from './glide-layer.js';
export { DragController } from '../controllers/drag-controller.js';
export { KeyboardController } from '../controllers/keyboard-controller.js';
export { FileDropController } from '../controllers/file-drop-controller.js';
export { ToolbarFoldController } from '../controllers/toolbar-fold-controller.js';
export { VersionsView } from './versions-view.js';
export { changeSummary, describeChanges } from '../i18n/change-words.js';
export { parseHandOver } from '../model/hand-over.js';
export { HelpDialog } from './help-dialog.js';
export { renderLegend } from './legend.js';
export { renderToolbarMenu } from './toolbar-menu.js';
export { renderIntake, findCategories, QuickAddController } from './quick-add.js';
export { adoptPanelStyles } from './panel-styles.js';
export { renderWalk, WalkController } from './walk.js';

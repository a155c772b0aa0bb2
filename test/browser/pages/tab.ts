// A page that stands for one browser tab: an editor on the map named in the query (?map=…).
import 'natverkskarta/define';
import * as natverkskarta from 'natverkskarta';

// Vitest serves this page's modules with their dynamic imports wrapped in a hook of its test runner, which only
// the test's own frame has; this is the same no-op hook Vitest gives workers.
(globalThis as { __vitest_browser_runner__?: unknown }).__vitest_browser_runner__ ??= {
  wrapDynamicImport: (load: () => unknown) => load(),
};

const editor = document.createElement('natverkskarta-editor');
editor.setAttribute('map-id', new URLSearchParams(location.search).get('map') ?? 'tab');
document.body.append(editor);
// The page's own copy of the package (its store, its key), as a host page in that tab would call it.
Object.assign(window, { editor, natverkskarta });

// A page that stands for one browser tab: an editor on the map named in the query (?map=…).
import 'natverkskarta/define';

const editor = document.createElement('natverkskarta-editor');
editor.setAttribute('map-id', new URLSearchParams(location.search).get('map') ?? 'tab');
document.body.append(editor);
(window as unknown as { editor: typeof editor }).editor = editor;

// The host page's own script: no imports, no build step. It uses the element the standalone script registered,
// and answers the test (the window that opened it) through postMessage, since the page lives on another origin.
// It is opened as a window of its own, not a frame: a frame on another origin gets no IndexedDB.
const params = new URLSearchParams(location.search);
const violations = [];
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.violatedDirective} ${event.blockedURI}`),
);

const resources = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);

/** Whether the page's CSP requires Trusted Types: setting markup without a policy then throws. */
function refusesMarkup() {
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
    return false;
  } catch {
    return true;
  }
}

async function run() {
  await customElements.whenDefined('natverkskarta-editor');
  const editor = document.createElement('natverkskarta-editor');
  editor.setAttribute('map-id', params.get('map') ?? 'plain-page');
  editor.setAttribute('lang', params.get('lang') ?? 'sv');
  document.body.append(editor);
  await editor.ready;
  const changes = [];
  editor.addEventListener('nk-change', (event) => changes.push(event.detail.map.actors.length));
  const loadedBefore = resources();
  const id = editor.addActor({ category: 'bup', name: 'Łukasz Nowak', phone: '010-123 45 67' });
  await editor.flush();
  await editor.updateComplete;
  const shown = editor.shadowRoot.querySelector(`[data-actor-id="${CSS.escape(id)}"]`) !== null;
  const pdf = await editor.exportPdf();
  return { id, shown, changes, loadedBefore, loadedAfter: resources(), pdf, violations, trustedTypesEnforced: refusesMarkup() };
}

window.addEventListener('message', (event) => {
  if (event.data !== 'run') return;
  run().then(
    (result) => event.source.postMessage({ ok: true, ...result }, { targetOrigin: '*' }),
    (error) => event.source.postMessage({ ok: false, error: String(error?.stack ?? error) }, { targetOrigin: '*' }),
  );
});
opener.postMessage('ready', '*');

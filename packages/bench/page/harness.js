/**
 * The browser half of the bench: every function here is called by run.mjs through page.evaluate and returns
 * plain numbers. Times are performance.now() in the page.
 */
await customElements.whenDefined('natverkskarta-editor');

const host = document.getElementById('host');
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
/** Resolves just after the next frame has been produced (rAF, then the rendering steps, then this task). */
const afterNextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
const actorsDrawn = (editor) => editor.shadowRoot?.querySelectorAll('svg.map g.actor').length ?? 0;
/** Whether the map is drawn with all `count` actors: the family's circle too, so that a map of none is waited for. */
const mapDrawn = (editor, count) => actorsDrawn(editor) >= count && editor.shadowRoot?.querySelector('svg.map g.centre') != null;

async function mount(doc, attributes = { storage: 'none' }) {
  host.replaceChildren();
  const editor = document.createElement('natverkskarta-editor');
  for (const [name, value] of Object.entries(attributes)) editor.setAttribute(name, value);
  if (doc) editor.map = doc;
  host.append(editor);
  if (attributes['map-id']) await editor.ready;
  await editor.updateComplete;
  await afterNextPaint();
  return editor;
}

/**
 * Creates the element with `doc` as its map (`mapSet` is called once it is set), connects it, and resolves when
 * the family's circle and every actor's `g.actor` are in the DOM: Lit renders in a microtask after the element
 * connects; the contact list, legend and forms follow a frame later.
 */
async function connectUntilDrawn(doc, mapSet = () => {}) {
  const editor = document.createElement('natverkskarta-editor');
  editor.setAttribute('storage', 'none');
  editor.map = doc;
  mapSet();
  host.append(editor);
  await Promise.resolve();
  while (!mapDrawn(editor, doc.actors.length)) await frame();
  return editor;
}

/**
 * From creating and connecting the element (with `map` set, so the layout runs when actors lack positions) to
 * the first frame after every actor's `g.actor` is in the DOM.
 */
async function firstPicture(doc) {
  host.replaceChildren();
  await afterNextPaint();
  const start = performance.now();
  let mapSet = start;
  // The issue's end point: the first painted frame with every actor drawn. The contact list, legend and forms are
  // measured apart ("whole").
  const editor = await connectUntilDrawn(doc, () => (mapSet = performance.now()));
  const inDom = performance.now();
  const painted = await afterNextPaint();
  await editor.updateComplete;
  const whole = await afterNextPaint();
  return {
    ms: painted - start,
    setMapMs: mapSet - start,
    inDomMs: inDom - start,
    wholeMs: whole - start,
    drawn: actorsDrawn(editor),
  };
}

/**
 * The editor's first frame as it is drawn: its shadow root's markup (Lit's comment markers included) and its style
 * sheets' rules, taken when every actor is in the DOM and before the frame after (the contact list, the legend).
 */
async function firstFrameMarkup(doc) {
  host.replaceChildren();
  const root = (await connectUntilDrawn(doc)).shadowRoot;
  const markup = {
    html: root.innerHTML,
    sheets: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')),
  };
  host.replaceChildren();
  return markup;
}

/**
 * The floor under the editor's first picture: the same markup and style sheets put in a shadow root at once, with no
 * script between (no Lit, no scene, no measuring), to the first frame after it. `withMapText` false leaves out the
 * map's SVG text, which costs the browser most to lay out.
 */
async function staticFirstFrame({ html, sheets }, withMapText = true) {
  host.replaceChildren();
  await afterNextPaint();
  const start = performance.now();
  const element = document.createElement('div');
  const root = element.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets.map((rules) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    return sheet;
  });
  // In the page first, as the editor is when Lit renders into its shadow root.
  host.append(element);
  root.innerHTML = withMapText ? html : html.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, '');
  const painted = await afterNextPaint();
  return { ms: painted - start, elements: root.querySelectorAll('*').length };
}

let recording = null;

/** Mounts a positioned map and returns the screen point of an actor to drag (one nothing else covers). */
async function prepareDrag(doc) {
  const editor = await mount(doc);
  const svgBox = editor.shadowRoot.querySelector('svg.map').getBoundingClientRect();
  const centre = { x: svgBox.left + svgBox.width / 2, y: svgBox.top + svgBox.height / 2 };
  const candidates = [...editor.shadowRoot.querySelectorAll('svg.map g.actor')]
    .map((g) => {
      const box = g.querySelector('circle.node').getBoundingClientRect();
      return { g, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    })
    .filter(({ g, x, y }) => editor.shadowRoot.elementFromPoint(x, y)?.closest('g.actor') === g)
    // Near the middle of the map, so that a circle of drag stays on the map.
    .sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
  const pick = candidates[0];
  return { x: pick.x, y: pick.y, id: pick.g.dataset.actorId, svg: { w: svgBox.width, h: svgBox.height } };
}

/** Starts recording rAF deltas, long tasks and the main-thread time of each pointermove (handler + Lit update). */
function startRecording() {
  const state = { frames: [], longTasks: [], moveWork: [], last: 0, running: true, moveStart: 0 };
  const loop = (time) => {
    if (!state.running) return;
    if (state.last) state.frames.push(time - state.last);
    state.last = time;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  state.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  });
  state.observer.observe({ type: 'longtask' });
  state.capture = () => (state.moveStart = performance.now());
  // Lit renders in a microtask right after the map's own listener: by the bubble phase on window it is done.
  state.bubble = () => state.moveStart && state.moveWork.push(performance.now() - state.moveStart);
  window.addEventListener('pointermove', state.capture, true);
  window.addEventListener('pointermove', state.bubble, false);
  recording = state;
}

async function stopRecording() {
  const state = recording;
  state.running = false;
  window.removeEventListener('pointermove', state.capture, true);
  window.removeEventListener('pointermove', state.bubble, false);
  // Long-task entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  state.observer.disconnect();
  recording = null;
  const editor = host.querySelector('natverkskarta-editor');
  return { frames: state.frames, longTasks: state.longTasks, moveWork: state.moveWork, actorsDrawn: actorsDrawn(editor) };
}

/** The stored revision of a map, read straight from IndexedDB (not through the package). */
function openRaw() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('natverkskarta');
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}
function rawRecord(db, id) {
  return new Promise((resolve, reject) => {
    const request = db.transaction('maps').objectStore('maps').get(id);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Edit → durable: `updateActor` (a note) and `addActor` on a stored map, each followed by `flush()`; and
 * `updateActor` left to the autosave (no flush), polled with a raw IndexedDB read until the revision moves.
 */
async function save(doc, reps, lazyReps) {
  const mapId = `bench-save-${doc.actors.length}-${Date.now()}`;
  const editor = await mount(null, { 'map-id': mapId });
  editor.map = doc;
  await editor.flush();
  const db = await openRaw();
  const ids = doc.actors.map((actor) => actor.id);
  const update = [];
  const updateSync = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    editor.updateActor(ids[(i * 13) % ids.length], { note: `Ändrad ${i}` });
    updateSync.push(performance.now() - start);
    await editor.flush();
    update.push(performance.now() - start);
    await frame();
  }
  const add = [];
  const addSync = [];
  for (let i = 0; i < Math.ceil(reps / 2); i++) {
    const start = performance.now();
    const id = editor.addActor({ category: 'bup', name: `Ny kontakt ${i}` });
    addSync.push(performance.now() - start);
    await editor.flush();
    add.push(performance.now() - start);
    await frame();
    editor.removeActor(id);
    await editor.flush();
    await frame();
  }
  // The autosave alone: no flush, the debounce decides.
  const lazy = [];
  for (let i = 0; i < lazyReps; i++) {
    const before = (await rawRecord(db, mapId)).revision;
    const start = performance.now();
    editor.updateActor(ids[(i * 7) % ids.length], { note: `Autosparad ${i}` });
    for (;;) {
      const record = await rawRecord(db, mapId);
      if (record.revision > before) break;
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    lazy.push(performance.now() - start);
  }
  // The last edit is really there: read back raw.
  const stored = await rawRecord(db, mapId);
  const note = stored.doc?.actors.find((actor) => actor.id === ids[((lazyReps - 1) * 7) % ids.length])?.note;
  db.close();
  return { update, updateSync, add, addSync, lazy, verified: note === `Autosparad ${lazyReps - 1}`, revision: stored.revision };
}

/**
 * `saveVersion` on a stored map, each to IndexedDB before it resolves, until the hand-over file would be full; then
 * the versions are counted raw, and
 * the undo history is checked to be untouched (a version is no edit).
 */
async function versions(doc, reps) {
  const mapId = `bench-versions-${doc.actors.length}-${Date.now()}`;
  const editor = await mount(null, { 'map-id': mapId });
  editor.map = doc;
  await editor.flush();
  editor.updateActor(doc.actors[0].id, { note: 'före versionerna' });
  await editor.flush();
  const runs = [];
  // Until the hand-over file is full: a version that would make it too large to open again is refused.
  let full = false;
  for (let i = 0; i < reps && !full; i++) {
    const start = performance.now();
    try {
      await editor.saveVersion(`Uppföljning ${i + 1}`);
      runs.push(performance.now() - start);
    } catch (error) {
      if (error?.issues?.[0]?.code !== 'versionsTooLarge') throw error;
      full = true;
    }
    await frame();
  }
  const db = await openRaw();
  const stored = await new Promise((resolve, reject) => {
    const request = db.transaction('versions').objectStore('versions').index('mapId').count(mapId);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return { runs, stored, full, undoKept: editor.canUndo };
}

/** exportPdf() on a map: the first call loads the PDF stack and fonts, the later ones reuse them. */
async function pdf(doc, reps) {
  const editor = await mount(doc);
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    const blob = await editor.exportPdf({ lang: 'sv', date: new Date('2025-01-01T12:00:00Z') });
    runs.push({ ms: performance.now() - start, bytes: blob.size, head: await blob.slice(0, 5).text() });
    await frame();
  }
  return runs;
}

/** The map as the editor lays it out in this page's font: the positions a map stored by the editor has. */
async function laidOut(doc) {
  host.replaceChildren();
  const editor = document.createElement('natverkskarta-editor');
  editor.setAttribute('storage', 'none');
  host.append(editor);
  editor.map = doc;
  await editor.updateComplete;
  const map = JSON.parse(JSON.stringify(editor.map));
  host.replaceChildren();
  return map;
}

/**
 * A hand-over file, `text` or made here (`{ spaces: n }`: n bytes of nothing, too large a file): how long checking
 * it takes (`parseMapJson`: the size, the counts, every field; what `importJson` does first, in one task), then how
 * long `importJson` takes to show it (checking, then laying out what has no place and drawing), the longest task
 * meanwhile, and whether it was refused.
 */
async function checkFile(file) {
  const { parseMapJson } = await import('/nk/natverkskarta.js');
  const editor = await mount(null);
  const text = typeof file === 'string' ? file : ' '.repeat(file.spaces);
  let start = performance.now();
  try {
    parseMapJson(text);
  } catch {
    /* refused: timed all the same */
  }
  const checkMs = performance.now() - start;
  await frame();
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  start = performance.now();
  let refused = '';
  try {
    await editor.importJson(text);
  } catch (error) {
    refused = error.message;
  }
  await editor.updateComplete;
  await afterNextPaint();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { checkMs, ms, longestTaskMs: Math.max(0, ...tasks), refused, actors: editor.map.actors.length, chars: text.length };
}

window.bench = {
  firstPicture,
  firstFrameMarkup,
  staticFirstFrame,
  prepareDrag,
  startRecording,
  stopRecording,
  save,
  versions,
  pdf,
  mount,
  laidOut,
  checkFile,
};
window.benchReady = true;

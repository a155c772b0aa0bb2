/**
 * The Chromium half: Debian's /usr/bin/chromium driven by playwright-core, pages served from 127.0.0.1 only.
 * Each scenario gets a fresh page of one browser context (IndexedDB persists within the context only).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { benchMap } from './maps.mjs';
import { layoutNodes, mapFrame } from '../../natverkskarta/dist/layout/placement.js';
import { NODE_RADIUS, STRETCH } from '../../natverkskarta/dist/layout/geometry.js';
import { median, p95 } from './stats.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const DRAG_MS = 2000;
/** How a figure's line in the log says it was measured slowed down. */
const atRate = (cpuRate) => (cpuRate === 1 ? '' : ` at ${cpuRate}× CPU`);

/**
 * The map as the editor stores it: positioned by the editor itself, in a page of the bench and in its font. Positions
 * from elsewhere (Node's estimate of the font) would be laid out again when the layout loads, and the glide of every
 * actor that moved would run into what is measured.
 */
async function storedByTheEditor(openPage, doc) {
  const page = await openPage();
  const stored = await page.evaluate((d) => window.bench.laidOut(d), doc);
  await page.close();
  return stored;
}

export async function withBrowser(log, work) {
  const server = await serve({
    '/nk/': here('../../natverkskarta/dist/standalone'),
    '/page/': here('../page'),
    // d3-force and its own dependencies as their packages ship them, for the page that runs d3-force alone.
    '/modules/': here('../../../node_modules'),
    '/': here('../page'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: LAUNCH_ARGS,
    headless: true,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const requests = [];
  const consoleErrors = [];
  context.on('request', (request) => requests.push(request.url()));
  /**
   * A fresh page of the bench; `cpuRate` 4 slows its CPU four times (DevTools' `Emulation.setCPUThrottlingRate`: a
   * low-end laptop or tablet, as a coordinator may be lent), from before it loads.
   */
  const open = async ({ cpuRate = 1, path = '/' } = {}) => {
    const page = await context.newPage();
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    if (cpuRate !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(() => window.benchReady === true);
    return page;
  };
  try {
    const result = await work({ open, server, browser, log });
    const offOrigin = requests.filter((url) => !url.startsWith(server.origin));
    return { ...result, chromium: browser.version(), requests: requests.length, offOriginRequests: offOrigin, consoleErrors };
  } finally {
    await context.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

/**
 * First picture, two ways: `cold` — the first map the page ever shows (a fresh page each time: template
 * preparation, style sheets and the not-yet-optimised layout code all count), as on a real visit; `warm` — the
 * element mounted again in the same page.
 */
export async function measureFirstPicture(
  { open: openPage, log },
  counts = [40, 200],
  { coldPages = 9, warmReps = 9, cpuRate = 1 } = {},
) {
  const open = () => openPage({ cpuRate });
  const rows = [];
  for (const count of counts) {
    for (const positioned of [false, true]) {
      const doc = positioned ? await storedByTheEditor(openPage, benchMap(count)) : benchMap(count);
      const cold = [];
      let warm = [];
      for (let i = 0; i < coldPages; i++) {
        const page = await open();
        // Headless Chromium starts a renderer of its own UI (the address bar's popup) with each new tab, which keeps
        // one of this machine's two cores busy for two to three seconds; a visitor's browser has done that long
        // before a page shows a map. Measured after it, not against it.
        await page.waitForTimeout(3000);
        cold.push(await page.evaluate((d) => window.bench.firstPicture(d), doc));
        if (i === 0) for (let j = 0; j < warmReps; j++) warm.push(await page.evaluate((d) => window.bench.firstPicture(d), doc));
        await page.close();
      }
      const pick = (runs, key) => median(runs.map((r) => r[key]));
      const row = {
        actors: count,
        cpuRate,
        positions: positioned ? 'stored' : 'laid out',
        coldPages,
        warmReps,
        coldMs: pick(cold, 'ms'),
        coldSetMapMs: pick(cold, 'setMapMs'),
        coldInDomMs: pick(cold, 'inDomMs'),
        coldWholeMs: pick(cold, 'wholeMs'),
        warmMs: pick(warm, 'ms'),
        warmSetMapMs: pick(warm, 'setMapMs'),
        warmInDomMs: pick(warm, 'inDomMs'),
        warmWholeMs: pick(warm, 'wholeMs'),
        drawn: cold[0].drawn,
      };
      rows.push(row);
      log(
        `  ${count} actors, ${row.positions}${atRate(cpuRate)}: first in a fresh page ${row.coldMs.toFixed(1)} ms (map set ${row.coldSetMapMs.toFixed(1)}, in DOM ${row.coldInDomMs.toFixed(1)}); mounted again ${row.warmMs.toFixed(1)} ms (map set ${row.warmSetMapMs.toFixed(1)}, in DOM ${row.warmInDomMs.toFixed(1)})`,
      );
    }
  }
  return rows;
}

/**
 * The first picture of a stored map beside its floor: the same first frame (markup and style sheets, as the editor
 * drew it) put in a page at once as static markup, and again without the map's SVG text, each in fresh pages taken in
 * turns with the editor's own first picture (each round in another order). What lies between the editor and the
 * static markup is the editor's script (Lit, the scene, measuring the labels); what lies under the static markup is
 * the browser's work on that DOM. A map of no actors (`count` 0) gives the editor's own part: its frame (title row,
 * toolbar, footer), the sectors and rings, and the script that makes them.
 */
export async function measureFirstFrameFloor({ open: openPage, log }, { count = 40, pages = 9, cpuRate = 1 } = {}) {
  const doc = await storedByTheEditor(openPage, benchMap(count));
  const page = await openPage();
  const markup = await page.evaluate((d) => window.bench.firstFrameMarkup(d), doc);
  await page.close();
  const runs = { editor: [], markup: [], markupNoText: [] };
  let elements = 0;
  const kinds = ['editor', 'markup', 'markupNoText'];
  for (let i = 0; i < pages; i++) {
    // Each round in another order, so that none of the three always comes first after the one before.
    for (const kind of [...kinds.slice(i % 3), ...kinds.slice(0, i % 3)]) {
      const fresh = await openPage({ cpuRate });
      // As for the first picture: after headless Chromium's own start-up work.
      await fresh.waitForTimeout(3000);
      if (kind === 'editor') runs.editor.push((await fresh.evaluate((d) => window.bench.firstPicture(d), doc)).ms);
      else {
        const result = await fresh.evaluate(([m, text]) => window.bench.staticFirstFrame(m, text), [markup, kind === 'markup']);
        runs[kind].push(result.ms);
        if (kind === 'markup') elements = result.elements;
      }
      await fresh.close();
    }
  }
  const row = {
    actors: count,
    cpuRate,
    pages,
    elements,
    editorMs: median(runs.editor),
    markupMs: median(runs.markup),
    markupNoTextMs: median(runs.markupNoText),
  };
  log(
    `  ${count} actors${count ? ', stored' : ''}${atRate(cpuRate)}: the editor ${row.editorMs.toFixed(1)} ms; its first frame as static markup ${row.markupMs.toFixed(1)} ms (${elements} elements), without the map's text ${row.markupNoTextMs.toFixed(1)} ms`,
  );
  return row;
}

/**
 * d3-force alone (`page/d3-force.html`): its first run in fresh pages, with the editor's three d3 forces on the same
 * 40 actors (see `page/d3-force-run.js`), and a run again in the same page. The least a first layout on d3-force
 * costs in a fresh page, beside the editor's own (the laid-out first picture less the stored one).
 */
export async function measureD3Alone({ open: openPage, log }, { count = 40, pages = 9, cpuRate = 1 } = {}) {
  const doc = benchMap(count);
  // The nodes start where the editor starts them (its start spots in their slices, in layout units), not in d3's
  // spiral round the centre, which settles with less work; they collide at the editor's radius.
  const starts = layoutNodes(doc, mapFrame(doc), undefined).map(({ x, y }) => ({ x, y }));
  const shape = { starts, collideRadius: (NODE_RADIUS + 8) / STRETCH };
  const first = [];
  const again = [];
  for (let i = 0; i < pages; i++) {
    const page = await openPage({ cpuRate, path: '/page/d3-force.html' });
    // As for the editor's first picture: after headless Chromium's own start-up work.
    await page.waitForTimeout(3000);
    first.push(await page.evaluate(([d, how]) => window.d3Force.run(d, how), [doc, shape]));
    again.push(await page.evaluate(([d, how]) => window.d3Force.run(d, how), [doc, shape]));
    await page.close();
  }
  const row = { actors: count, cpuRate, pages, firstMs: median(first), againMs: median(again) };
  log(
    `  d3-force alone, ${count} actors${atRate(cpuRate)}: first run ${row.firstMs.toFixed(1)} ms, again ${row.againMs.toFixed(1)} ms`,
  );
  return row;
}

/** Drags an actor for two seconds in a circle with real mouse events, recording frames and long tasks. */
export async function measureDrag({ open: openPage, log }, counts = [40, 200, 500], { profileDir, cpuRate = 1 } = {}) {
  const open = () => openPage({ cpuRate });
  const rows = [];
  for (const count of counts) {
    const doc = await storedByTheEditor(openPage, benchMap(count));
    const page = await open();
    const target = await page.evaluate((d) => window.bench.prepareDrag(d), doc);
    let cdp = null;
    if (profileDir) {
      cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    await page.mouse.move(target.x + 8, target.y);
    await page.evaluate(() => window.bench.startRecording());
    const start = Date.now();
    let moves = 0;
    const radius = 60;
    while (Date.now() - start < DRAG_MS) {
      const angle = ((Date.now() - start) / 1000) * Math.PI * 2;
      await page.mouse.move(target.x + 8 + radius * Math.sin(angle), target.y + radius - radius * Math.cos(angle));
      moves++;
    }
    const recorded = await page.evaluate(() => window.bench.stopRecording());
    await page.mouse.up();
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(`${profileDir}/drag-${count}.cpuprofile`, JSON.stringify(profile));
      await cdp.detach();
    }
    await page.close();
    const { frames, longTasks, moveWork } = recorded;
    const row = {
      actors: count,
      cpuRate,
      durationMs: DRAG_MS,
      mouseMoves: moves,
      frames: frames.length,
      frameP50Ms: median(frames),
      frameP95Ms: p95(frames),
      frameMaxMs: Math.max(...frames),
      framesOver20Ms: frames.filter((delta) => delta > 20).length,
      longTasks: longTasks.length,
      longTaskTotalMs: longTasks.reduce((sum, d) => sum + d, 0),
      moveWorkP50Ms: median(moveWork),
      moveWorkP95Ms: p95(moveWork),
      pointerMoves: moveWork.length,
    };
    rows.push(row);
    log(
      `  ${count} actors${atRate(cpuRate)}: frames p50 ${row.frameP50Ms.toFixed(1)} ms, p95 ${row.frameP95Ms.toFixed(1)} ms (${row.frames} frames, ${row.framesOver20Ms} > 20 ms), long tasks ${row.longTasks}, work per move p50 ${row.moveWorkP50Ms.toFixed(2)} / p95 ${row.moveWorkP95Ms.toFixed(2)} ms`,
    );
  }
  return rows;
}

/** The largest map starts `reps` short of the editor's 500-contact limit, so that every addActor is taken. */
export async function measureSave({ open: openPage, log }, counts = [40, 470], reps = 30, lazyReps = 6, { cpuRate = 1 } = {}) {
  const open = () => openPage({ cpuRate });
  const rows = [];
  for (const count of counts) {
    const doc = benchMap(count, { positioned: true, id: `bench-save-${count}` });
    const page = await open();
    const r = await page.evaluate(([d, n, l]) => window.bench.save(d, n, l), [doc, reps, lazyReps]);
    await page.close();
    const row = {
      actors: count,
      cpuRate,
      reps,
      updateP50Ms: median(r.update),
      updateP95Ms: p95(r.update),
      updateSyncP50Ms: median(r.updateSync),
      addP50Ms: median(r.add),
      addP95Ms: p95(r.add),
      addSyncP50Ms: median(r.addSync),
      autosaveP50Ms: median(r.lazy),
      autosaveP95Ms: p95(r.lazy),
      verified: r.verified,
    };
    rows.push(row);
    log(
      `  ${count} actors${atRate(cpuRate)}: updateActor+flush p50 ${row.updateP50Ms.toFixed(1)} / p95 ${row.updateP95Ms.toFixed(1)} ms; addActor+flush p50 ${row.addP50Ms.toFixed(1)} / p95 ${row.addP95Ms.toFixed(1)} ms (addActor itself ${row.addSyncP50Ms.toFixed(1)} ms); autosave without flush p50 ${row.autosaveP50Ms.toFixed(0)} ms; read back ${r.verified ? 'ok' : 'FAILED'}`,
    );
  }
  return rows;
}

/**
 * `saveVersion` of a 500-actor map (the most a map may hold), p50 and p95, each stored before it resolves: up to
 * `reps`, or as many as its hand-over file holds.
 */
export async function measureVersions({ open: openPage, log }, count = 500, reps = 30, { cpuRate = 1 } = {}) {
  const open = () => openPage({ cpuRate });
  const doc = benchMap(count, { positioned: true, id: `bench-versions-${count}` });
  const page = await open();
  const r = await page.evaluate(([d, n]) => window.bench.versions(d, n), [doc, reps]);
  await page.close();
  const saved = r.runs.length;
  const row = {
    actors: count,
    cpuRate,
    reps,
    saved,
    full: r.full,
    p50Ms: median(r.runs),
    p95Ms: p95(r.runs),
    stored: r.stored,
    undoKept: r.undoKept,
  };
  log(
    `  ${count} actors${atRate(cpuRate)}: saveVersion p50 ${row.p50Ms.toFixed(1)} / p95 ${row.p95Ms.toFixed(1)} ms; ${row.stored} of ${saved} stored` +
      `${r.full ? ' (then the hand-over file was full: the next was refused)' : ''}; undo ${row.undoKept ? 'kept' : 'LOST'}`,
  );
  return row;
}

export async function measurePdfInBrowser({ open: openPage, server, log }, counts = [60, 10], reps = 5, { cpuRate = 1 } = {}) {
  const open = () => openPage({ cpuRate });
  const rows = [];
  for (const count of counts) {
    const doc = await storedByTheEditor(openPage, benchMap(count));
    const page = await open();
    const before = server.log.length;
    const runs = await page.evaluate(([d, n]) => window.bench.pdf(d, n), [doc, reps]);
    const fetched = server.log.slice(before);
    await page.close();
    const warm = runs.slice(1).map((r) => r.ms);
    const row = {
      actors: count,
      cpuRate,
      firstMs: runs[0].ms,
      warmMs: median(warm),
      bytes: runs[0].bytes,
      isPdf: runs.every((r) => r.head === '%PDF-'),
      fetchedOnFirstExport: fetched.map((f) => ({ url: f.url, bytes: f.bytes })),
    };
    rows.push(row);
    log(
      `  ${count} actors${atRate(cpuRate)}: first export ${row.firstMs.toFixed(0)} ms (loads the PDF stack and fonts), then ${row.warmMs.toFixed(0)} ms; ${(row.bytes / 1024).toFixed(0)} KB`,
    );
  }
  return rows;
}

/**
 * Hand-over files at and over the limits, imported in a fresh page each: the largest file the limits allow (every
 * contact's every field full, placed), one of 100,000 contacts (small enough to pass the size check), and a 20 MB
 * file. Reports how long checking each takes (one task), and importing it, shown, with the longest task meanwhile.
 */
export async function measureFileCheck({ open: openPage, log }, { limits, textLimits }, { cpuRate = 1 } = {}) {
  const open = () => openPage({ cpuRate });
  const full = (length) => 'Åsa Öberg ساره حداد, Korttidsboendet '.repeat(Math.ceil(length / 36)).slice(0, length);
  const largest = benchMap(limits.actors, { positioned: true });
  largest.actors = largest.actors.map((actor) => ({
    ...actor,
    ...Object.fromEntries(
      ['organisation', 'name', 'role', 'address', 'helpsWith', 'note'].map((key) => [key, full(textLimits[key])]),
    ),
  }));
  const many = benchMap(1);
  many.actors = Array.from({ length: 100_000 }, (_, i) => ({ id: `a${i}` }));
  const files = [
    ['the largest file the limits allow', JSON.stringify(largest)],
    ['100,000 contacts', JSON.stringify(many)],
    ['20 MB', { spaces: 20_000_000 }],
  ];
  const rows = [];
  for (const [name, file] of files) {
    const page = await open();
    const result = await page.evaluate((f) => window.bench.checkFile(f), file);
    await page.close();
    rows.push({ name, cpuRate, ...result });
    log(
      `  ${name}${atRate(cpuRate)} (${(result.chars / 1e6).toFixed(1)} M chars): checked in ${result.checkMs.toFixed(0)} ms; imported and shown in ${result.ms.toFixed(0)} ms (longest task ${result.longestTaskMs.toFixed(0)} ms), ${result.refused ? `refused: ${result.refused}` : `${result.actors} contacts`}`,
    );
  }
  return rows;
}

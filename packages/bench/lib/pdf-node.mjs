/** buildPdf(map, options) in Node, from the package's dist/ (fonts read from dist/export/fonts/). */
import { buildPdf } from '../../natverkskarta/dist/export/pdf.js';
import { benchMap } from './maps.mjs';
import { median } from './stats.mjs';

export async function measurePdfInNode(log, counts = [10, 60], reps = 5) {
  const rows = [];
  for (const count of counts) {
    const map = benchMap(count, { positioned: true });
    const times = [];
    let bytes = 0;
    let first = 0;
    for (let i = 0; i < reps + 1; i++) {
      const start = performance.now();
      const pdf = await buildPdf(map, { lang: 'sv', date: new Date('2025-01-01T12:00:00Z') });
      const ms = performance.now() - start;
      if (i === 0) first = ms;
      else times.push(ms);
      bytes = pdf.length;
    }
    const row = { actors: count, firstMs: first, warmMs: median(times), bytes };
    rows.push(row);
    log(`  ${count} actors: ${row.warmMs.toFixed(0)} ms (first ${row.firstMs.toFixed(0)} ms), ${(bytes / 1024).toFixed(0)} KB`);
  }
  return rows;
}

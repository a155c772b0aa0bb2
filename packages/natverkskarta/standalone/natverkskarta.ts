/**
 * The standalone build's entry (`dist/standalone/natverkskarta.js`): registers `<natverkskarta-editor>` and
 * exports the package's public API, so that a page with nothing but a script tag can also call
 * `registerTranslations`, `listMaps`, `deleteAllData` and the rest:
 *
 *   <script type="module" src="/assets/natverkskarta/natverkskarta.js"></script>
 *   <script type="module">
 *     import { registerTranslations } from '/assets/natverkskarta/natverkskarta.js';
 *   </script>
 */
import '../src/define.js';

export * from '../src/index.js';

/** Writes `jsx.d.ts`, `react.d.ts` and `vue.d.ts` into `outdir` from a Custom Elements Manifest (framework-types.mjs). */
export function writeFrameworkTypes(manifest: unknown, outdir: string, typesFrom?: string): void;

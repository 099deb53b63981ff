// Types of node-bundle.mjs for the TypeScript that imports it (tests/integration/host).
import type { BuildOptions, Metafile } from 'esbuild';

export const WEB_HOST_BUNDLE: string;
export const NODE_BUNDLE: BuildOptions;
export const NODE_EXTERNALS: string[];
export function buildElectronMain(): Promise<void>;
export function buildWebHost(outdir?: string): Promise<Metafile>;
export function webHostIsFresh(): boolean;

// `node --import tsx --import ./bench/stock-pdfmake-hook.mjs …`: the process prints with stock
// pdfmake instead of the PDF engine (bench/ui.ts runs a browser host so, beside one with the engine).
// Nothing in the app reads a switch: the engine's one entry is swapped for bench/stock-pdfmake.ts
// when modules are resolved.
import { register } from 'node:module';

register('./stock-pdfmake-resolve.mjs', import.meta.url);

/**
 * The browser host's entry in its bundle (scripts/node-bundle.mjs). It turns on Node's compile
 * cache before the host's code loads, so a start reuses V8's compiled code for the ~3 MB bundle
 * instead of compiling it again. The cache is a folder under the system's temp folder (Node's
 * default; NODE_COMPILE_CACHE moves it, NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node keys each
 * entry by the file's content and its own version, so a stale entry is compiled afresh, never run;
 * a cache that cannot be written only costs the compile (enableCompileCache never throws).
 */
import module from 'node:module';

module.enableCompileCache();
await import('./main');

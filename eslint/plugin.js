// The project's own lint rules (plugin "motcua"): layers by allow-list, folders with one door,
// no silent catch, and icons that say how a screen reader reads them. Their data lives in
// eslint/layers.js; tests/unit/lint-rules.test.ts shows each rule biting.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules);

/** Repository-relative path with forward slashes. */
function repoPath(file) {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/**
 * What an import names: a repository path (relative imports and the @shared alias), a Node
 * built-in, or a package (its name without the subpath: `drizzle-orm/sqlite-core` → `drizzle-orm`).
 */
function target(importer, source) {
  if (source.startsWith('.')) return { kind: 'path', path: repoPath(path.resolve(ROOT, path.dirname(importer), source)) };
  if (source.startsWith('@shared/') || source === '@shared') return { kind: 'path', path: `src-shared${source.slice('@shared'.length)}` };
  const bare = source.startsWith('node:') ? source.slice(5) : source;
  if (source.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0])) return { kind: 'node', name: source };
  const parts = source.split('/');
  return { kind: 'package', name: source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const within = (p, folder) => p === folder || p.startsWith(`${folder}/`) || p.replace(/\.[cm]?[jt]sx?$/, '') === folder.replace(/\.[cm]?[jt]sx?$/, '');

/** Calls `check(node, source)` for every import, re-export, dynamic import and require of a literal. */
function eachImport(check) {
  const literal = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node : null);
  return {
    ImportDeclaration: (n) => check(n.source, n.source.value),
    ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
    ExportAllDeclaration: (n) => check(n.source, n.source.value),
    ImportExpression: (n) => literal(n.source) && check(n.source, n.source.value),
    CallExpression: (n) =>
      n.callee.type === 'Identifier' && n.callee.name === 'require' && literal(n.arguments[0]) && check(n.arguments[0], n.arguments[0].value),
  };
}

const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'A layer imports only the folders and packages on its allow-list (eslint/layers.js).' },
    schema: [{ type: 'object', additionalProperties: true }],
  },
  create(context) {
    const layer = context.options[0];
    const importer = repoPath(context.filename);
    return eachImport((node, source) => {
      const t = target(importer, source);
      if (t.kind === 'node') {
        if (!layer.node) context.report({ node, message: `${layer.name}: no Node built-ins ('${source}').` });
        return;
      }
      if (t.kind === 'package') {
        if (!Object.hasOwn(layer.packages, t.name)) {
          const allowed = Object.keys(layer.packages).join(', ') || 'none';
          context.report({ node, message: `${layer.name}: '${t.name}' is not on its allow-list (${allowed}; eslint/layers.js).` });
        }
        return;
      }
      const excluded = (layer.excludedFolders ?? []).some((f) => within(t.path, f));
      if (excluded || !layer.folders.some((f) => within(t.path, f))) {
        context.report({ node, message: `${layer.name}: may not import ${t.path} (it reaches only ${layer.folders.join(', ')}).` });
      }
    });
  },
};

const oneDoor = {
  meta: {
    type: 'problem',
    docs: { description: 'A folder with one door is imported only through its entry, and only by its listed importers.' },
    schema: [{ type: 'array', items: { type: 'object', additionalProperties: true } }],
  },
  create(context) {
    const importer = repoPath(context.filename);
    return eachImport((node, source) => {
      const t = target(importer, source);
      if (t.kind !== 'path') return;
      for (const door of context.options[0]) {
        if (!within(t.path, door.folder) || within(importer, door.folder)) continue;
        const throughEntry = t.path === door.folder || within(t.path, `${door.folder}/${door.entry}`);
        if (!door.importers.includes(importer)) context.report({ node, message: `Only ${door.importers.join(', ')} may import ${door.folder}: ${door.why}.` });
        else if (!throughEntry) context.report({ node, message: `Import ${door.folder} through its entry (${door.entry}), not ${t.path}.` });
      }
    });
  },
};

const noSilentCatch = {
  meta: {
    type: 'problem',
    docs: { description: 'A catch names what it caught, so it can tell the failure it expects from any other.' },
    schema: [],
  },
  create(context) {
    const message = 'A catch must name its error and handle the failure it expects: rethrow any other (no silent catch).';
    const isFunction = (n) => n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression');
    return {
      CatchClause(node) {
        if (node.param === null) context.report({ node, message });
      },
      // promise.catch(() => …): the same silence, for promises.
      CallExpression(node) {
        const callee = node.callee;
        const named = callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'catch';
        if (named && isFunction(node.arguments[0]) && node.arguments[0].params.length === 0) context.report({ node, message });
      },
    };
  },
};

/**
 * An icon of @ant-design/icons carries, by default, role="img" and its own English name as its
 * label ("printer", "reload"): a screen reader says "printer In" for the button "In". So each
 * icon element states how it is read: aria-hidden beside a text of its own, or an aria-label in
 * Vietnamese where it stands alone.
 */
const iconSaysHowRead = {
  meta: {
    type: 'problem',
    docs: { description: 'An icon element is aria-hidden beside a text, or carries an aria-label of its own.' },
    schema: [],
  },
  create(context) {
    const message =
      'An icon is read aloud by its English name unless told otherwise: give it aria-hidden when a text beside it says what it means, or an aria-label in Vietnamese.';
    const ICON = /^[A-Z]\w*(Outlined|Filled|TwoTone)$/;
    return {
      JSXOpeningElement(node) {
        if (node.name.type !== 'JSXIdentifier' || !ICON.test(node.name.name)) return;
        const says = node.attributes.some((a) => a.type === 'JSXAttribute' && (a.name.name === 'aria-hidden' || a.name.name === 'aria-label'));
        if (!says) context.report({ node, message });
      },
    };
  },
};

export default {
  meta: { name: 'motcua' },
  rules: { 'layer-imports': layerImports, 'one-door': oneDoor, 'no-silent-catch': noSilentCatch, 'icon-says-how-read': iconSaysHowRead },
};

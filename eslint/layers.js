// The layers of ARCHITECTURE.md §2 as allow-lists: for each layer, the folders and the packages its
// files may import. Anything not listed is refused, so a new dependency of a layer is a decision
// made here, one line with its reason, not an accident. Node's built-in modules are a separate
// yes/no. tests/unit/lint-rules.test.ts shows each layer refusing what it must not import.
//
// Each layer also has a tsconfig.json in its folder (the globals it may use: no `Buffer` or
// `process` in pure code, no `document` in Node code); `npm run typecheck` runs them all.

/** Packages both browser UIs build on. */
const UI_LIBRARIES = {
  react: 'components',
  'react-dom': 'mounting the app',
  antd: 'the component library of both UIs (README: Libraries)',
  '@ant-design/icons': "antd's icons",
  dayjs: "dates in the UI, the library antd's pickers use",
  zustand: 'small stores',
  '@fontsource/be-vietnam-pro': 'the UI font, bundled so every machine draws the same (README: Libraries)',
};

export const LAYERS = [
  {
    name: 'src-shared (pure: no Node, no DOM, no I/O)',
    files: ['src-shared/**'],
    folders: ['src-shared'],
    node: false,
    packages: {
      zod: 'validation at every boundary',
      pkijs: 'certificate and CMS checks over WebCrypto, pure (signing)',
      asn1js: 'ASN.1 decoding under pkijs (signing)',
      '@peculiar/x509': 'X.509 certificates over WebCrypto, pure (signing)',
      '@zxcvbn-ts/core': 'password strength estimate, pure (password policy)',
      '@zxcvbn-ts/language-common': 'its common-password lists',
      '@zxcvbn-ts/language-en': 'its English dictionaries (names, words)',
    },
  },
  {
    name: 'src-ui (React components both browser UIs share)',
    files: ['src-ui/**'],
    folders: ['src-ui', 'src-shared'],
    node: false,
    packages: { react: UI_LIBRARIES.react, antd: UI_LIBRARIES.antd, '@ant-design/icons': UI_LIBRARIES['@ant-design/icons'] },
  },
  {
    name: 'src-renderer (the counter UI, in a browser; talks to core only through the RPC contract)',
    files: ['src-renderer/**'],
    folders: ['src-renderer', 'src-shared', 'src-ui'],
    node: false,
    packages: { ...UI_LIBRARIES, recharts: 'charts of Tổng quan', jsqr: 'reading receipt QR codes from the lookup kiosk camera' },
  },
  {
    name: 'src-main/core (Node services over SQLite; never its hosts, never a UI)',
    files: ['src-main/core/**'],
    folders: ['src-main/core', 'src-shared'],
    node: true,
    packages: {
      'better-sqlite3': 'the counter database',
      'drizzle-orm': 'typed queries and migrations',
      pdfmake: 'printed forms',
      'pdf-to-printer': 'printing on Windows',
      exceljs: 'XLSX of Biểu II.06a',
      uuid: 'UUIDv7 ids made offline',
      zod: 'validation at every boundary',
      pkcs11js: 'the signing token (PKCS#11), loaded on first use (signing)',
      pkijs: 'CMS, timestamps and revocation data (signing)',
      asn1js: 'ASN.1 under pkijs (signing)',
      'pdf-lib': 'the signature field and its appearance in a PDF (signing)',
      '@pdf-lib/fontkit': "the appearance's font, embedded by pdf-lib (signing)",
      '@signpdf/signpdf': 'placing the CMS into the PDF byte range (signing)',
      '@signpdf/placeholder-pdf-lib': 'the signature placeholder, through pdf-lib (signing)',
      '@signpdf/utils': "signpdf's byte-range helpers (signing)",
      sharp: 'decoding and compressing scanned images (scans), libvips on the thread pool',
      'tus-js-client': 'resumable uploads of scanned pages to the hub (sync)',
    },
  },
  {
    name: 'src-main/web (the browser host)',
    files: ['src-main/web/**'],
    folders: ['src-main/web', 'src-main/core', 'src-shared'],
    node: true,
    packages: { fastify: 'HTTP', '@fastify/static': 'the UI bundle' },
  },
  {
    name: 'src-main/electron (the only place that imports electron)',
    files: ['src-main/electron/**'],
    folders: ['src-main/electron', 'src-main/core', 'src-shared'],
    node: true,
    packages: { electron: 'the desktop shell' },
  },
  {
    name: 'src-main/cli (counter administration commands)',
    files: ['src-main/cli.ts', 'src-main/cli/**'],
    folders: ['src-main/cli.ts', 'src-main/cli', 'src-main/core', 'src-shared'],
    node: true,
    packages: { 'better-sqlite3': 'opening backups to check them' },
  },
  {
    name: 'src-server (the province hub, Node; never its admin page)',
    files: ['src-server/**'],
    ignores: ['src-server/admin-ui/**'],
    folders: ['src-server', 'src-shared', 'package.json'],
    excludedFolders: ['src-server/admin-ui'],
    node: true,
    packages: {
      fastify: 'HTTP',
      '@fastify/static': 'the admin page bundle',
      '@fastify/rate-limit': 'per-device request budgets',
      'drizzle-orm': 'typed queries and migrations',
      pg: 'PostgreSQL',
      '@electric-sql/pglite': 'the embedded database',
      '@tus/server': "resumable uploads of dossiers' papers",
      '@tus/file-store': 'staging of uploads in progress on disk',
      '@aws-sdk/client-s3': "S3-compatible object storage for dossiers' papers, when configured",
      uuid: 'UUIDv7 ids',
      zod: 'validation at every boundary',
    },
  },
  {
    name: "src-server/admin-ui (the hub's admin page, in a browser; reaches the hub only over its admin API)",
    files: ['src-server/admin-ui/**'],
    folders: ['src-server/admin-ui', 'src-shared', 'src-ui'],
    node: false,
    packages: UI_LIBRARIES,
  },
];

/**
 * Folders with one door: only the entry may be imported from outside, and only by the importers
 * listed.
 */
export const ONE_DOOR_FOLDERS = [
  {
    folder: 'src-main/core/print/pdf-engine',
    entry: 'index',
    importers: ['src-main/core/print/render.ts'],
    why: 'the PDF engine is reached only by the print service (core/print/pdf-engine/README.md)',
  },
];

// The layers of the code and the imports that would cross them the wrong way (ARCHITECTURE rules
// 1, 2 and 4). Modelled on VS Code's `.eslint-plugin-local/code-layering.ts`: the import is
// resolved against the importing file, so `../../electron/core/x` and `../core/x` are judged by
// where they land, not by how they are spelled. Package imports (`zod`, `react`) are not layers;
// `electron` itself and `node:` built-ins are refused by `no-restricted-imports` in eslint.config.js.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * One "never" per entry. `from`: the folder whose files are checked. `forbid`: folders they may
 * not reach; or `only`: the folders they may reach. `except`: folders inside `from` the rule
 * leaves alone. `typeOnly`: modules of a forbidden folder that may still be imported with `import type`.
 */
const layers = [
  {
    id: 'renderer',
    from: 'renderer/',
    forbid: ['electron/', 'server/'],
    why: 'the renderer reaches the desk only through ContractApi (shared/api), injected by renderer/api/api-context.tsx',
  },
  {
    id: 'portal',
    from: 'portal/',
    forbid: ['electron/', 'server/', 'renderer/'],
    why: "the patient cabinet is a web page of its own: it reaches the server only over HTTP (shared/cabinet's contract) and shares only shared/",
  },
  {
    id: 'shared',
    from: 'shared/',
    only: ['shared/'],
    why: 'shared/ is isomorphic and used by every side, so it depends on nothing outside itself',
  },
  {
    id: 'scanChecks',
    from: 'scan-checks/',
    only: ['scan-checks/', 'shared/'],
    why:
      'scan-checks/ decides whether a file is an acceptable scan for the desk and the server alike, so it ' +
      'depends only on shared/ and itself',
  },
  {
    id: 'nodeCommon',
    from: 'node-common/',
    only: ['node-common/', 'shared/'],
    why: 'node-common/ is Node code the desk and the server share (password hashing), so it depends only on shared/ and itself',
  },
  {
    id: 'server',
    from: 'server/',
    forbid: ['electron/'],
    why: 'the server and the desk have only shared/, scan-checks/ and node-common/ in common',
  },
  {
    id: 'store',
    from: 'electron/store/',
    forbid: ['electron/core/', 'electron/services/', 'electron/sync/', 'electron/auth/'],
    why: 'the store is the bottom layer of the desk; what it needs (Actor, Clock) lives in electron/store or shared/',
  },
  {
    id: 'services',
    from: 'electron/services/',
    forbid: ['electron/core/'],
    typeOnly: ['electron/core/context'],
    why: 'a service takes its context as an argument; only `import type` of electron/core/context is allowed',
  },
  {
    id: 'runner',
    from: 'electron/',
    except: ['electron/store/'],
    forbid: ['electron/store/raw-tx/'],
    why:
      "the statement runner is the store's own: a synced row is written through the door (store/record-door.ts), " +
      'a per-desk row through a named writer (store/local-writers/, store/sync-writers/)',
  },
  {
    id: 'syncWriters',
    from: 'electron/',
    except: ['electron/store/', 'electron/sync/'],
    forbid: ['electron/store/sync-writers/'],
    why:
      'the sync writers record what the server said (its changes, pushed results, downloaded files): only the ' +
      'sync worker (electron/sync/) writes them; a service writes through the door (store/record-door.ts)',
  },
];

const messages = Object.fromEntries(
  layers.map((layer) => [layer.id, `${layer.from} may not import {{target}}: ${layer.why}.`]),
);

function withoutExtension(file) {
  return file.replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs)$/, '');
}

/** @type {import('eslint').Rule.RuleModule} */
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse imports that cross the layers of ARCHITECTURE the wrong way' },
    schema: [],
    messages,
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const mine = layers.filter(
      (layer) => file.startsWith(layer.from) && !(layer.except ?? []).some((inside) => file.startsWith(inside)),
    );
    if (mine.length === 0) return {};

    function check(node, source, typeOnly) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const folder = `${withoutExtension(target)}/`;
      for (const layer of mine) {
        const crosses = layer.only
          ? !layer.only.some((allowed) => folder.startsWith(allowed))
          : layer.forbid.some((forbidden) => folder.startsWith(forbidden));
        if (!crosses) continue;
        if (typeOnly && layer.typeOnly?.includes(withoutExtension(target))) continue;
        context.report({ node, messageId: layer.id, data: { target } });
      }
    }

    // Only `import type` / `export type` as a whole: under verbatimModuleSyntax,
    // `import { type X }` still loads the module at run time.
    function allTypes(node) {
      return node.importKind === 'type' || node.exportKind === 'type';
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, allTypes(node)),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value, allTypes(node)),
      ExportAllDeclaration: (node) => check(node.source, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value, false),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(node.argument, literal.value, true);
      },
    };
  },
};

export default { rules: { boundaries } };

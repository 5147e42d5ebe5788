// Server frameworks whose routes the scan does not read. A service whose package depends on one,
// and whose routes include none declared in a file importing it, is told so in its warnings: an
// empty or partial route list is then a known gap, not an app without routes.
import type { RouteDef } from '../model';
import type { ExtractedImport } from './extracted';
import { scanMessageText } from '../scanTexts';
import { SERVER_FRAMEWORKS } from './serverApps';

interface UnreadFramework {
  name: string;
  /** The package.json dependencies that bring it. */
  dependencies: readonly string[];
  /** The modules a file declaring its routes imports. */
  modules: RegExp;
  /** A file whose scan says it serves this framework's routes though it imports none of `modules` (a ts-rest server made in another file). */
  serves?: 'tsRestServed';
  /** The dependencies through which its routes are read where written out: none found then means they are made in a way the scan does not follow, not that the framework is unread. */
  readThrough?: readonly string[];
}

const UNREAD_FRAMEWORKS: readonly UnreadFramework[] = [
  { name: 'hapi', dependencies: ['@hapi/hapi', 'hapi'], modules: /^(?:@hapi\/hapi|hapi)$/, readThrough: ['@hapi/hapi', 'hapi'] },
  // Elysia is read (elysiaRoutes.ts); a package none of whose routes are (all registered on an instance reached through other objects) is still told.
  { name: 'Elysia', dependencies: ['elysia'], modules: /^elysia$/, readThrough: ['elysia'] },
  // LoopBack 4's decorated controllers are read (loopbackRoutes.ts); LoopBack 3's models exposed through its JSON configs are not.
  { name: 'LoopBack', dependencies: ['@loopback/rest', '@loopback/core'], modules: /^@loopback\/(?:rest|core|openapi-v3)$/, readThrough: ['@loopback/rest', '@loopback/openapi-v3'] },
  { name: 'LoopBack 3', dependencies: ['loopback'], modules: /^loopback$/ },
  // Feathers services are read (feathersServices.ts), from the files registering them, which may import only a database adapter (feathers-mongoose).
  { name: 'Feathers', dependencies: ['@feathersjs/feathers'], modules: /^(?:@feathersjs\/|feathers-)/, readThrough: ['@feathersjs/feathers'] },
  // tsoa's @Route/@Get controllers are read (tsoaRoutes.ts), and so is a committed generated routes file.
  { name: 'tsoa', dependencies: ['tsoa', '@tsoa/runtime'], modules: /^(?:tsoa|@tsoa\/runtime)$/, readThrough: ['tsoa', '@tsoa/runtime'] },
  // A Meteor app's package.json lists the stubs of Node's modules for its client; its server imports `meteor/*`.
  { name: 'Meteor', dependencies: ['meteor-node-stubs'], modules: /^meteor\// },
  // Strapi's API router files are read (strapiRoutes.ts, gather/strapiApp.ts), and its local plugins' and extensions' routes (gather/strapiPlugins.ts); routes of installed plugins (node_modules) are not.
  { name: 'Strapi', dependencies: ['@strapi/strapi'], modules: /^@strapi\//, readThrough: ['@strapi/strapi'] },
  // Moleculer's gateway aliases and its services' rest actions are read (moleculerRoutes.ts, gather/loadedRoutes.ts).
  { name: 'Moleculer', dependencies: ['moleculer-web'], modules: /^moleculer(?:-web)?$/, readThrough: ['moleculer-web'] },
  // inversify-express-utils' @controller classes are read (inversifyControllers.ts); a package none of whose routes are (controllers made in a way the scan does not follow) is still told.
  { name: 'inversify-express-utils', dependencies: ['inversify-express-utils'], modules: /^inversify-express-utils$/, readThrough: ['inversify-express-utils'] },
  // ts-rest serves the routes of a contract (`initContract().router({ list: { method, path } }, { pathPrefix })`) given to its server adapter;
  // those of the fastify and express adapters are read (tsRestContracts.ts), and the Nest adapter's decorated handlers (tsRestNest.ts); the serverless ones not yet.
  { name: 'ts-rest', dependencies: ['@ts-rest/fastify', '@ts-rest/express', '@ts-rest/nest', '@ts-rest/serverless'], modules: /^@ts-rest\/(?:fastify|express|nest|serverless)$/, serves: 'tsRestServed', readThrough: ['@ts-rest/fastify', '@ts-rest/express', '@ts-rest/nest'] },
];

/** The dependencies whose routes the scan reads: the server frameworks, and the meta-frameworks routing by file. */
const ROUTING_DEPENDENCIES: readonly string[] = [...SERVER_FRAMEWORKS, 'next', 'nuxt', 'nitropack', '@sveltejs/kit', 'astro', '@remix-run/node', '@react-router/node'];

/**
 * One warning per framework of UNREAD_FRAMEWORKS the package depends on (`dependencies`, the names
 * of its package.json's dependencies and devDependencies) from which none of `routes` comes: none
 * declared in a file of `extracted` importing it. A framework read where its routes are written out
 * is not warned of when routes were read and the package depends on no other routing framework.
 * `declaringElsewhere`: files whose routes were read but are served by another container (a gateway
 * moleculer-runner does not load here), as declaring as those of `routes`.
 */
export function unreadFrameworkWarnings(
  dependencies: readonly string[],
  routes: readonly RouteDef[],
  extracted: ReadonlyArray<{ file: string; x: { imports: readonly ExtractedImport[]; tsRestServed?: true } }>,
  declaringElsewhere: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  const declaring = new Set([...routes.flatMap((r) => (r.origin === 'source' && r.file !== undefined ? [r.file] : [])), ...declaringElsewhere]);
  for (const fw of UNREAD_FRAMEWORKS) {
    const dependency = fw.dependencies.find((d) => dependencies.includes(d));
    if (dependency === undefined) continue;
    const importers = extracted.filter((e) => e.x.imports.some((i) => fw.modules.test(i.source)) || (fw.serves !== undefined && e.x[fw.serves] === true));
    if (importers.some((e) => declaring.has(e.file))) continue;
    // Routes read where written out (hapi's route objects, in files importing nothing of hapi) in a
    // package depending on no other server framework whose routes are read: they are this one's.
    const others = ROUTING_DEPENDENCIES.filter((f) => !fw.dependencies.includes(f) && dependencies.includes(f));
    if (fw.readThrough?.includes(dependency) && declaring.size > 0 && others.length === 0) continue;
    out.push(scanMessageText({ id: fw.readThrough?.includes(dependency) ? 'unfollowedFramework' : 'unreadFramework', args: [fw.name, dependency] }));
  }
  return out;
}

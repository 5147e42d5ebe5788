// The entry of the route parser's bundle (dist/routeParser.js, scripts/build.mjs): every reader
// that needs the TypeScript compiler, loaded on first need through src/engine/routeParserLoader.ts
// so that no other bundle holds the compiler.
export { extractRoutesFromSource } from './routes/extract';
export { readBundleCall } from './mapping/bundleCall';
export { runRouteConfig } from './routes/routeConfigRun';

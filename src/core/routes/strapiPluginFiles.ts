// The files of a Strapi app that Strapi loads for its local plugins' and extensions' routes, by path
// (strapiPluginValues.ts reads them): read whatever their text, since a routes module's index may
// only gather routers of other files (`export default { admin }`).

/** A file of a Strapi plugin's routes module: in `server/routes` or `server/src/routes` of a plugin's folder. */
export const STRAPI_PLUGIN_ROUTES_FILE = /(?:^|\/)plugins\/[^/]+\/server\/(?:src\/)?routes(?:\/[^/]+)*\.[cm]?[jt]s$/;

/** A plugin extension's server file: `src/extensions/<plugin>/strapi-server.(js|ts)`. */
export const STRAPI_EXTENSION_FILE = /(?:^|\/)extensions\/[^/]+\/strapi-server\.[cm]?[jt]s$/;

/** What the scan's pre-filter reads by path alone (mayDeclareRoutes.ts PREFILTER_ID names it). */
export const STRAPI_FILES_ID = `${STRAPI_PLUGIN_ROUTES_FILE.source}|${STRAPI_EXTENSION_FILE.source}`;

/** Whether `file` is one of them. */
export function isStrapiPluginFile(file: string): boolean {
  const f = file.replace(/\\/g, '/');
  return STRAPI_PLUGIN_ROUTES_FILE.test(f) || STRAPI_EXTENSION_FILE.test(f);
}

// The files of an Egg app that hold the settings and middleware of a table dispatched by hand
// (handDispatch.ts reads them): read whatever their text, since a settings file only declares data
// (`exports.shop = { items: [...] }`) and a middleware only calls a helper with it.

/** A settings file Egg merges into app.config: config/config.default.js, config.prod.ts, ..., the app's or a plugin's. */
export const SETTINGS_FILE = /(?:^|\/)config\/config\.[\w-]+\.[cm]?[jt]s$/;

/** A middleware file of an Egg app or plugin: app/middleware/<name>.js. */
export const MIDDLEWARE_FILE = /(?:^|\/)app\/middleware\/[^/]+\.[cm]?[jt]s$/;

/** What the scan's pre-filter reads by path alone (mayDeclareRoutes.ts PREFILTER_ID names it). */
export const HAND_DISPATCH_FILES_ID = `${SETTINGS_FILE.source}|${MIDDLEWARE_FILE.source}`;

/** Whether `file` is one of them. */
export function isHandDispatchFile(file: string): boolean {
  const f = file.replace(/\\/g, '/');
  return SETTINGS_FILE.test(f) || MIDDLEWARE_FILE.test(f);
}

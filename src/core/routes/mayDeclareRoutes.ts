// A cheap test before the full scan: a file that names no decorator, router call, mount or
// prefix declares nothing extractRoutesFromSource could find. Most files of a large tree
// (services, models, helpers) are skipped by one regex pass instead of a tokenizing scan.

const ROUTE_TOKENS =
  /@(?:Controller|Get|Post|Put|Patch|Delete|Head|Options|All)\b|\.(?:get|post|put|patch|delete|del|head|options|all|route|use|register)\s*\(|setGlobalPrefix|enableVersioning|Router\b/;

export function mayDeclareRoutes(text: string): boolean {
  return ROUTE_TOKENS.test(text);
}

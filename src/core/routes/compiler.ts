// The TypeScript compiler, imported here once for every module of the route parser: bundled as
// CommonJS, each `import ts from 'typescript'` became its own ES-module copy of the compiler's
// ~2,500 exports (esbuild's __toESM: 23 copies in dist/routeParser.js), made when the parser loads.
import ts = require('typescript');

export default ts;

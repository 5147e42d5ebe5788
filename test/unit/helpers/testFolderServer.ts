// Our own fixture for the second wave of a route scan (routes/testFolderImports.ts), shared by the core and scanner tests.

/** A Nest server whose diagnostics module lives in a folder named `tests`, and a test harness nobody imports. */
export const TEST_FOLDER_SERVER: Record<string, string> = {
  'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
  'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { DiagnosticsModule } from './tests/diagnostics.module';\n@Module({ imports: [DiagnosticsModule] })\nexport class AppModule {}\n",
  'src/tests/diagnostics.module.ts': "import { Module } from '@nestjs/common';\nimport { DiagnosticsController } from './diagnostics.controller';\n@Module({ controllers: [DiagnosticsController] })\nexport class DiagnosticsModule {}\n",
  'src/tests/diagnostics.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('diagnostics')\nexport class DiagnosticsController {\n  @Get('ping')\n  ping() {\n    return 'pong';\n  }\n}\n",
  'test/fake-upstream.ts': "import express from 'express';\nconst app = express();\napp.get('/fake-upstream', (req, res) => res.send('ok'));\napp.listen(4000);\n",
  'test/app.e2e-spec.ts': "import { AppModule } from '../src/app.module';\nimport './fake-upstream';\ndescribe('app', () => it('starts', () => AppModule));\n",
};

import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml (the packaging cannot run offline, so its configuration is checked here)', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('targets NSIS on Windows and AppImage + deb on Linux', () => {
    expect(JSON.stringify(config['win'])).toContain('nsis');
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
  });

  it('unpacks the native module and the planner worker from the asar and allowlists only run-time files', () => {
    expect(config['asar']).toBe(true);
    // The native module, and the planner's worker thread (a worker starts from a real file).
    expect(config['asarUnpack']).toEqual(['node_modules/better-sqlite3/**/*', 'dist/electron/planner-worker.cjs', 'dist/electron/import-worker.cjs']);
    expect(config['files']).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'db/migrations/**/*', 'package.json', '!**/*.map']);
  });

  it('flips the security fuses after packing', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points at a main bundle and migrations that the build produces', () => {
    expect((config['extraMetadata'] as { main: string }).main).toBe('dist/electron/main.cjs');
    expect(fs.existsSync(path.join(ROOT, 'db', 'migrations', 'meta', '_journal.json'))).toBe(true);
  });

  it('packs only better-sqlite3 as a production dependency (everything else is bundled)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
  });
});

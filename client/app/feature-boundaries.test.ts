import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rule that no feature imports another lives in biome.json (`noRestrictedImports`, one override per
 * feature folder depth). This runs Biome on a probe file placed inside a feature, so the rule is shown
 * to refuse a feature-to-feature import and to let the shared layers through.
 */
function lintProbe(source: string): { status: number | null; output: string } {
  const file = path.join('client', 'features', 'documents', 'components', `boundary-probe-${process.pid}.ts`);
  writeFileSync(file, source);
  try {
    const run = spawnSync(
      path.join('node_modules', '.bin', 'biome'),
      ['lint', '--only=style/noRestrictedImports', file],
      { encoding: 'utf8' },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('feature boundaries', () => {
  it('refuse an import from another feature', () => {
    const result = lintProbe(
      "import { inboxTodos } from '../../tasks/inbox-todos';\nexport const probe = inboxTodos;\n",
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('noRestrictedImports');
  });

  it('let a feature import the shared layers', () => {
    const result = lintProbe(
      "import { formatDate } from '../../../lib/format';\nexport const probe = formatDate;\n",
    );
    expect(result.output).not.toContain('noRestrictedImports');
    expect(result.status).toBe(0);
  });
});

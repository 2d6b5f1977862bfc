import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbook } from '../../emulator';
import { bundleSource, loadBundle } from '../support/bundle';

const FORMULAS: Record<string, string[]> = {
  OKR_SCORE: ['current', 'target', 'start', 'kind', 'commit', 'stretch'],
  OKR_ZONE_SCORE: ['current', 'commit', 'target', 'stretch', 'start'],
  OKR_FORECAST: ['values', 'dates', 'cycle_end'],
  OKR_FORECASTS: ['kr_ids', 'log_kr_ids', 'log_values', 'log_dates', 'cycle_end', 'cycle_start'],
  OKR_ROLLUP: ['scores', 'weights'],
  OKR_OBJECTIVES: ['kr_objectives', 'kr_scores', 'kr_weights'],
  OKR_OBJECTIVE_SCORES: ['objectives', 'parents', 'counts', 'kr_objectives', 'kr_scores', 'kr_weights'],
  OKR_TREE: ['objectives', 'parents', 'scores'],
  OKR_GRADE: ['score'],
  OKR_STATUS: ['score', 'cycle_start', 'cycle_end', 'as_of', 'at_risk_gap', 'off_track_gap'],
  OKR_PACE: ['score', 'cycle_start', 'cycle_end', 'as_of'],
  KPI_STATUS: ['value', 'warning', 'critical', 'direction'],
  KPI_TARGET_STATUS: ['value', 'target', 'direction', 'tolerance', 'default_direction', 'default_tolerance'],
  KPI_CHANGE: ['current', 'previous'],
  OKR_CONFIDENCE: ['log_kr_ids', 'log_confidences', 'log_times', 'as_of', 'kr_ids'],
  OKR_PROGRESS_BY_WEEK: [
    'kr_ids',
    'starts',
    'targets',
    'kinds',
    'commits',
    'stretches',
    'log_kr_ids',
    'log_values',
    'log_times',
    'cycle_start',
    'cycle_end',
    'as_of',
    'currents',
  ],
  KPI_CARDS: ['names', 'values', 'targets', 'directions', 'history_days', 'history_names', 'history_values'],
};

describe('dist/Code.js', () => {
  const code = bundleSource();

  it('is a plain script: no ES modules, no CommonJS, no Node', () => {
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).not.toMatch(/\brequire\(|\bmodule\.exports|\bprocess\.|\b__dirname\b|node:/);
  });

  it.each(Object.entries(FORMULAS))(
    'keeps the JSDoc of %s above a top-level declaration with its named parameters',
    (name, params) => {
      const stub = new RegExp(
        `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(${params.join(', ')}\\) \\{`,
      );
      const jsdoc = stub.exec(code)?.[1];
      expect(jsdoc).toBeDefined();
      expect(jsdoc).toContain('@customfunction');
      for (const param of params)
        expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${param}\\]? \\S`));
      expect(jsdoc).toMatch(/@return \S/);
    },
  );

  describe('loaded in a bare global scope', () => {
    const g = loadBundle({ Logger: { log() {} } });
    const col = (...values: unknown[]) => values.map((v) => [v]);

    it('exposes every formula as a global function', () => {
      for (const name of Object.keys(FORMULAS)) expect(typeof g[name]).toBe('function');
    });

    it('computes every formula, single cells and columns', () => {
      expect(g.OKR_SCORE?.(700, 1000)).toBeCloseTo(0.7);
      expect(g.OKR_SCORE?.(col(340, 'x'), 280, 400)).toEqual(
        col(0.5, 'Error: current must be a number, got "x"'),
      );
      expect(g.OKR_ROLLUP?.(col(0.5, 1), col(1, 3))).toBeCloseTo(0.875);
      expect(
        g.OKR_STATUS?.(col(0.5, 0.2), new Date(2026, 0, 1), new Date(2026, 2, 31), new Date(2026, 1, 15)),
      ).toEqual(col('On track', 'Off track'));
      expect(g.KPI_STATUS?.(col(0.99, 0.96, 0.9), 0.98, 0.95)).toEqual(col('OK', 'Warning', 'Breach'));
      expect(g.KPI_CHANGE?.(65, 100)).toBeCloseTo(-0.35);
    });

    it("computes the dashboard formulas, which read the spreadsheet's time zone, with its services", () => {
      const wb = createWorkbook({ scriptTimeZone: 'Etc/UTC' });
      const g = loadBundle({ ...wb.globals });
      expect(
        g.OKR_CONFIDENCE?.(
          col('KR-1', 'KR-2'),
          col(6, 'on track'),
          col(new Date(2026, 0, 5), new Date(2026, 0, 6)),
          new Date(2026, 0, 6),
        ),
      ).toBe(7);
      expect(
        g.OKR_PROGRESS_BY_WEEK?.(
          col('KR-1', 'KR-2'),
          0,
          100,
          '',
          '',
          '',
          col('KR-1'),
          col(50),
          col(new Date(2026, 0, 3)),
          new Date(2026, 0, 1),
          new Date(2026, 0, 29),
          new Date(2026, 0, 8),
        ),
      ).toEqual([
        [new Date(2026, 0, 1), 0, 0],
        [new Date(2026, 0, 8), 0.25, 0.25],
      ]);
      expect(
        g.KPI_CARDS?.(
          col('Leads'),
          col(120),
          col(100),
          col(''),
          col(new Date(2026, 0, 5)),
          col('Leads'),
          col(100),
        ),
      ).toEqual([['Leads', 120, new Date(2026, 0, 5), 100, 'met', 0.2, 'good']]);
    });

    it('throws a plain Error naming the argument for a bad single cell', () => {
      expect(() => g.KPI_STATUS?.('high', 0.98, 0.95)).toThrow('value must be a number, got "high"');
    });
  });
});

describe('the build', () => {
  const build = (fixture: string) =>
    execFileSync(
      process.execPath,
      [
        'scripts/build.mjs',
        '--entry',
        `test/bundle/fixtures/${fixture}`,
        '--out',
        mkdtempSync(join(tmpdir(), 'okr-build-')),
      ],
      { cwd: join(__dirname, '../..'), encoding: 'utf8', stdio: 'pipe' },
    );

  it.each([
    ['missing-param-doc.ts', 'DOUBLE: JSDoc @param names (value) differ from its parameters (value, factor)'],
    ['missing-return-doc.ts', 'DOUBLE: custom function has no @return in its JSDoc'],
    ['non-function-export.ts', 'the entry file may only export functions'],
    ['menu-without-handler.ts', 'menu item "Refresh" calls menuRefresh, which src/main.ts does not export'],
  ])('fails for %s', (fixture, message) => {
    expect(() => build(fixture)).toThrow(message);
  });
});

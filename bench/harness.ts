/**
 * The bench's vocabulary. A section measures one feature and returns figures; a figure may have a
 * goal, judged here. Goals are ratios against a baseline measured in the same run wherever the
 * machine's speed would otherwise decide the outcome.
 */
export interface Goal {
  /** `max`: the value must be at most `value`; `min`: at least. */
  kind: 'max' | 'min';
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** How it was measured, or what it is compared with. */
  note?: string;
}

export interface Section {
  name: string;
  run(): Promise<Figure[]>;
}

export function meetsGoal(figure: Figure): boolean | null {
  if (!figure.goal) return null;
  return figure.goal.kind === 'max' ? figure.value <= figure.goal.value : figure.value >= figure.goal.value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function formatValue(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

export function formatTable(results: Array<{ section: string; figure: Figure }>): string {
  const rows = [
    ['section', 'figure', 'value', 'goal', 'result', 'note'],
    ...results.map(({ section, figure }) => {
      const ok = meetsGoal(figure);
      return [
        section,
        figure.name,
        `${formatValue(figure.value)} ${figure.unit}`,
        figure.goal ? `${figure.goal.kind === 'max' ? '≤' : '≥'} ${formatValue(figure.goal.value)} ${figure.unit}` : '',
        ok === null ? '' : ok ? 'pass' : 'FAIL',
        figure.note ?? '',
      ];
    }),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

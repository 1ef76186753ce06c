import { isStateCode, type StateCode } from '../../domain.ts';
import { STATES } from '../../officials/states.ts';
import { classBreaks, classOf, classRanges, percent, shadeOf } from './scale.ts';
import { MAP_HEIGHT, MAP_WIDTH, stateShapes } from './us-geometry.ts';

/**
 * Actions by state as a choropleth. Readable without colour: each class has its own pattern
 * (none, dots, lines, cross-hatch, solid) as well as its shade, states large enough carry their
 * count as text, every state has a <title>, and the same counts are in a table.
 */

const FILLS = ['#ffffff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const INK = ['#1b1b1b', '#1b1b1b', '#1b1b1b', '#ffffff', '#ffffff'] as const;
const MIN_LABEL_AREA = 900;

function Patterns(props: { id: string }) {
  const p = (n: number) => `${props.id}-p${n}`;
  return (
    <defs>
      <pattern id={p(1)} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={FILLS[1]} />
        <circle cx="4" cy="4" r="1.2" fill="#1b1b1b" />
      </pattern>
      <pattern id={p(2)} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={FILLS[2]} />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#1b1b1b" stroke-width="1.5" />
      </pattern>
      <pattern id={p(3)} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={FILLS[3]} />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="1.5" />
        <line x1="0" y1="4" x2="8" y2="4" stroke="#ffffff" stroke-width="1.5" />
      </pattern>
    </defs>
  );
}

const fillFor = (id: string, cls: number) => (cls === 0 || cls === 4 ? FILLS[cls] : `url(#${id}-p${cls})`);

const stateLabel = (code: string) => (isStateCode(code) ? STATES[code].name : code);

export function StateMap(props: { id: string; byState: ReadonlyArray<{ state: string; count: number }> }) {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const rows = props.byState.filter((s) => s.count > 0).sort((a, b) => b.count - a.count);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) {
    // An all-white map and a legend of empty ranges say nothing; this says it plainly.
    return (
      <div id={props.id} class="chart-empty">
        <p>No actions yet in any state. The map fills in as supporters report their calls and messages.</p>
      </div>
    );
  }
  const counts = new Map(rows.map((s) => [s.state, s.count]));
  const shapes = stateShapes();
  // The map draws what its boundaries file holds (the states and DC); the territories, whose
  // supporters count as much, are listed beside it with their counts, none left out unsaid.
  const drawn = new Set<string>(shapes.map((s) => s.code));
  const offMap = (Object.keys(STATES) as StateCode[])
    .filter((code) => !drawn.has(code))
    .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || stateLabel(a).localeCompare(stateLabel(b)));
  const breaks = classBreaks(rows.map((s) => s.count));
  const top = rows.slice(0, 3);
  const desc = `Supporters in ${rows.length} ${rows.length === 1 ? 'state or territory' : 'states or territories'} took ${fmt(total)} ${total === 1 ? 'action' : 'actions'}. Most: ${top
    .map((s) => `${s.state} ${fmt(s.count)}`)
    .join(', ')}.`;
  const legend = [
    { label: 'no actions', shade: 0 },
    ...classRanges(breaks, fmt).map((label, i) => ({ label, shade: shadeOf(i, breaks.length) })),
  ];
  return (
    <figure id={props.id} class="chart">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT + 40}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        width={MAP_WIDTH}
        height={MAP_HEIGHT + 40}
      >
        <title id={`${props.id}-title`}>Actions by state</title>
        <desc id={`${props.id}-desc`}>{desc}</desc>
        <Patterns id={props.id} />
        <g stroke="#4a4a4a" stroke-width="0.75" stroke-linejoin="round">
          {shapes.map((s) => {
            const count = counts.get(s.code) ?? 0;
            return (
              <path d={s.d} fill={fillFor(props.id, classOf(count, breaks))} data-state={s.code} data-count={count}>
                <title>{`${s.name}: ${fmt(count)} ${count === 1 ? 'action' : 'actions'}`}</title>
              </path>
            );
          })}
        </g>
        <g font-size="12" text-anchor="middle" font-weight="600">
          {shapes
            .filter((s) => (counts.get(s.code) ?? 0) > 0 && s.label.area >= MIN_LABEL_AREA)
            .map((s) => {
              const count = counts.get(s.code) ?? 0;
              const cls = classOf(count, breaks);
              return (
                <text
                  x={Math.round(s.label.x)}
                  y={Math.round(s.label.y) + 4}
                  fill={INK[cls]}
                  stroke={INK[cls] === '#ffffff' ? '#08306b' : '#ffffff'}
                  stroke-width="3"
                  paint-order="stroke"
                >
                  {`${s.code} ${fmt(count)}`}
                </text>
              );
            })}
        </g>
        <g transform={`translate(20 ${MAP_HEIGHT + 8})`} font-size="13" data-legend="">
          {legend.map((entry, i) => (
            <g transform={`translate(${i * 180} 0)`}>
              <rect width="22" height="22" fill={fillFor(props.id, entry.shade)} stroke="#4a4a4a" />
              <text x="28" y="16" fill="#1b1b1b">
                {entry.label}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {offMap.length > 0 ? (
        <div id={`${props.id}-offmap`}>
          <p>Not drawn on the map:</p>
          <ul class="off-map">
            {offMap.map((code) => (
              <li data-state={code}>{`${stateLabel(code)}: ${fmt(counts.get(code) ?? 0)}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <figcaption>
        <details id={`${props.id}-table`}>
          <summary>Actions by state as a table</summary>
          <table>
            <caption>{`Actions by state: ${fmt(total)} in ${rows.length} ${rows.length === 1 ? 'state or territory' : 'states or territories'}, most first`}</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col" class="num">
                  Actions
                </th>
                <th scope="col" class="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr>
                  <th scope="row">{stateLabel(s.state)}</th>
                  <td class="num">{fmt(s.count)}</td>
                  <td class="num">{percent(s.count, total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

export type { StateCode };

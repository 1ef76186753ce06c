import { type Bar, niceMax, percent, ticks } from './scale.ts';

/**
 * Server-rendered SVG charts. Each is a <figure> with an SVG that has role="img", a <title> and a
 * <desc> summarising it, and the same numbers as a table beside it (WCAG 1.1.1: a text
 * alternative that carries the data, not just "a chart").
 */

const fmt = (n: number) => n.toLocaleString('en-US');

function DataTable(props: { caption: string; head: [string, string]; bars: Bar[]; total?: number }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head[0]}</th>
          <th scope="col" class="num">
            {props.head[1]}
          </th>
          {props.total !== undefined ? (
            <th scope="col" class="num">
              Share
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {props.bars.map((b) => (
          <tr>
            <th scope="row">{b.label}</th>
            <td class="num">{fmt(b.value)}</td>
            {props.total !== undefined ? <td class="num">{percent(b.value, props.total)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Actions per day as columns; the table lists every day. */
export function DailyChart(props: { id: string; bars: Bar[]; title: string }) {
  const width = 640;
  const height = 220;
  const pad = { left: 44, right: 8, top: 12, bottom: 28 };
  const max = niceMax(Math.max(0, ...props.bars.map((b) => b.value)));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const step = plotW / Math.max(1, props.bars.length);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const total = props.bars.reduce((s, b) => s + b.value, 0);
  const busiest = props.bars.reduce<Bar | null>((best, b) => (!best || b.value > best.value ? b : best), null);
  const first = props.bars[0]?.label ?? '';
  const last = props.bars[props.bars.length - 1]?.label ?? '';
  const labelEvery = Math.max(1, Math.ceil(props.bars.length / 6));
  const desc =
    props.bars.length === 0
      ? 'No actions yet.'
      : `${fmt(total)} actions from ${first} to ${last}` +
        (busiest && busiest.value > 0 ? `; the busiest day was ${busiest.label} with ${fmt(busiest.value)}.` : '.');
  return (
    <figure id={props.id} class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        width={width}
        height={height}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{desc}</desc>
        {ticks(max).map((t) => (
          <g>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#c9c9c9" />
            <text x={pad.left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#1b1b1b">
              {fmt(t)}
            </text>
          </g>
        ))}
        {props.bars.map((b, i) => (
          <g>
            <rect
              x={pad.left + i * step + step * 0.1}
              y={y(b.value)}
              width={Math.max(1, step * 0.8)}
              height={pad.top + plotH - y(b.value)}
              fill="#0b5394"
            >
              <title>{`${b.label}: ${fmt(b.value)}`}</title>
            </rect>
            {i % labelEvery === 0 || i === props.bars.length - 1 ? (
              <text
                x={pad.left + i * step + step / 2}
                y={height - 8}
                text-anchor="middle"
                font-size="11"
                fill="#1b1b1b"
              >
                {b.label.slice(5)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption>
        <details id={`${props.id}-table`}>
          <summary>{props.title} as a table</summary>
          <DataTable caption={props.title} head={['Day (UTC)', 'Actions']} bars={props.bars} />
        </details>
      </figcaption>
    </figure>
  );
}

/** Horizontal bars with the value written at the end of each, so no colour is needed to read them. */
export function HorizontalBars(props: { id: string; bars: Bar[]; title: string; head: [string, string] }) {
  const width = 640;
  const rowH = 28;
  const labelW = 200;
  const height = Math.max(1, props.bars.length) * rowH + 8;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const total = props.bars.reduce((s, b) => s + b.value, 0);
  const desc =
    total === 0
      ? 'No actions yet.'
      : props.bars.map((b) => `${b.label}: ${fmt(b.value)} (${percent(b.value, total)})`).join('; ');
  return (
    <figure id={props.id} class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        width={width}
        height={height}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{desc}</desc>
        {props.bars.map((b, i) => {
          const w = ((width - labelW - 90) * b.value) / max;
          return (
            <g>
              <text x={labelW - 8} y={i * rowH + 20} text-anchor="end" font-size="13" fill="#1b1b1b">
                {b.label}
              </text>
              <rect x={labelW} y={i * rowH + 6} width={Math.max(0, w)} height={rowH - 10} fill="#0b5394" />
              <text x={labelW + w + 6} y={i * rowH + 20} font-size="13" fill="#1b1b1b">
                {`${fmt(b.value)} (${percent(b.value, total)})`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details id={`${props.id}-table`}>
          <summary>{props.title} as a table</summary>
          <DataTable caption={props.title} head={props.head} bars={props.bars} total={total} />
        </details>
      </figcaption>
    </figure>
  );
}

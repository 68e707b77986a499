// Dashboard: the server's counters (GET /api/v1/server/stats) and plots of its time series
// (GET /api/v1/server/stats/timeseries): views and uploads per day, bytes served by peers vs by the server,
// storage use, and the federation delivery queue. Chart.js draws them, loaded with the first chart.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ADMIN, gated, useApi, ErrorBox, formatBytes } from './common.js';

const COLORS = { views: '#2f6fde', uploads: '#f28c28', peers: '#2aa876', server: '#8a63d2', free: '#d5d9e0',
  original: '#f2c14e', failed: '#d64545', pending: '#f28c28', delivered: '#2aa876' };

/** One canvas, one chart; rebuilt when the config changes, destroyed with the component. */
export function ChartCanvas({ config, label, height = 260 }) {
  const canvas = useRef(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let chart = null;
    let live = true;
    import('./charts.js').then(({ Chart }) => {
      if (live) chart = new Chart(canvas.current, config);
    }).catch((e) => live && setError(e));
    return () => { live = false; if (chart) chart.destroy(); };
  }, [config]);
  if (error) return html`<${ErrorBox} error=${error} />`;
  return html`<div class="admin-chart" style=${{ height: height + 'px' }}>
    <canvas ref=${canvas} role="img" aria-label=${label}></canvas></div>`;
}

function DashboardPage() {
  const [days, setDays] = useState(30);
  const stats = useApi('/api/v1/server/stats');
  const series = useApi('/api/v1/server/stats/timeseries', { days });
  return html`<div class="page admin-page admin-dashboard">
    <h1>Dashboard</h1>
    <${Counters} result=${stats} />
    <div class="admin-toolbar"><label>Period <select value=${days}
      onChange=${(e) => setDays(Number(e.currentTarget.value))}>
      ${[7, 30, 90, 365].map((d) => html`<option value=${d}>last ${d} days</option>`)}</select></label></div>
    ${series.error ? html`<div class="card"><h2>Activity</h2><p class="muted">The time series are not available:</p>
      <${ErrorBox} error=${series.error} /></div>` : html`<${Charts} data=${series.data} />`}
  </div>`;
}

function Counters({ result }) {
  if (result.error) return html`<div class="card"><h2>Server</h2><${ErrorBox} error=${result.error} /></div>`;
  const s = result.data;
  if (!s) return html`<p class="muted">Loading...</p>`;
  const items = [
    ['Users', s.totalUsers], ['Videos (local)', `${s.totalVideos ?? '-'} (${s.totalLocalVideos ?? '-'})`],
    ['Comments', s.totalVideoComments], ['Local views', s.totalLocalVideoViews],
    ['Local files', formatBytes(s.totalLocalVideoFilesSize)], ['Followers', s.totalInstanceFollowers],
    ['Following', s.totalInstanceFollowing],
  ];
  return html`<div class="grid admin-counters">${items.map(([label, value]) => html`<div class="card admin-counter">
    <div class="admin-counter-value">${value ?? '-'}</div><div class="muted">${label}</div></div>`)}</div>`;
}

function Charts({ data }) {
  const configs = useCharts(data);   // before any return: hooks run in the same order on every render
  if (!data) return html`<p class="muted">Loading...</p>`;
  const q = data.deliveryQueue || {};
  const st = data.storage || {};
  return html`<div class="grid admin-charts">
    <div class="card"><h2>Views and uploads per day</h2>
      <${ChartCanvas} config=${configs.activity} label="Views and uploads per day" /></div>
    <div class="card"><h2>Bytes delivered: peers vs server</h2>
      <${ChartCanvas} config=${configs.bytes} label="Bytes delivered by peers and by the server per day" /></div>
    <div class="card"><h2>Storage</h2>
      <${ChartCanvas} config=${configs.storage} label="Storage use" />
      <p class="muted">videos ${formatBytes(st.videoFilesBytes)}, originals ${formatBytes(st.originalFilesBytes)},
        free ${formatBytes(st.diskFreeBytes)} of ${formatBytes(st.diskTotalBytes)}</p></div>
    <div class="card"><h2>Delivery queue</h2>
      <${ChartCanvas} config=${configs.queue} label="Federation delivery queue" />
      <p class="muted">${q.pending ?? 0} pending, ${q.failed ?? 0} failed, ${q.deliveredLast24h ?? 0} delivered in 24 h</p></div>
  </div>`;
}

/** Chart configs built once per answer, so the canvases are not rebuilt on every render. */
function useCharts(data) {
  const ref = useRef({ data: null, configs: null });
  if (ref.current.data !== data) ref.current = { data, configs: data ? configsOf(data) : null };
  return ref.current.configs;
}

function configsOf(data) {
  const days = data.days || [];
  const labels = days.map((d) => d.date);
  const st = data.storage || {};
  const q = data.deliveryQueue || {};
  const used = Math.max(0, (st.diskTotalBytes || 0) - (st.diskFreeBytes || 0)
    - (st.videoFilesBytes || 0) - (st.originalFilesBytes || 0));
  const bytesAxis = { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatBytes(v) } };
  const common = { responsive: true, maintainAspectRatio: false, animation: false };
  return {
    activity: { type: 'line', data: { labels, datasets: [
      { label: 'Views', data: days.map((d) => d.views), borderColor: COLORS.views, backgroundColor: COLORS.views,
        yAxisID: 'y', tension: 0.2 },
      { label: 'Uploads', data: days.map((d) => d.uploads), type: 'bar', backgroundColor: COLORS.uploads, yAxisID: 'y1' },
    ] }, options: { ...common, scales: { y: { beginAtZero: true, position: 'left', title: { display: true, text: 'views' } },
      y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 },
        title: { display: true, text: 'uploads' } } } } },
    bytes: { type: 'line', data: { labels, datasets: [
      { label: 'From peers (P2P)', data: days.map((d) => d.bytesFromPeers), borderColor: COLORS.peers,
        backgroundColor: COLORS.peers + '66', fill: true, tension: 0.2 },
      { label: 'From the server', data: days.map((d) => d.bytesFromServer), borderColor: COLORS.server,
        backgroundColor: COLORS.server + '66', fill: true, tension: 0.2 },
    ] }, options: { ...common, scales: { y: bytesAxis },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatBytes(c.parsed.y)}` } } } } },
    storage: { type: 'doughnut', data: { labels: ['Video files', 'Originals', 'Other use', 'Free'], datasets: [{
      data: [st.videoFilesBytes || 0, st.originalFilesBytes || 0, used, st.diskFreeBytes || 0],
      backgroundColor: [COLORS.views, COLORS.original, COLORS.server, COLORS.free] }] },
    options: { ...common, plugins: { tooltip: { callbacks: { label: (c) => `${c.label}: ${formatBytes(c.parsed)}` } } } } },
    queue: { type: 'bar', data: { labels: ['Pending', 'Failed', 'Delivered (24 h)'], datasets: [{
      label: 'Activities', data: [q.pending || 0, q.failed || 0, q.deliveredLast24h || 0],
      backgroundColor: [COLORS.pending, COLORS.failed, COLORS.delivered] }] },
    options: { ...common, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } },
  };
}

export default gated(ADMIN, DashboardPage);

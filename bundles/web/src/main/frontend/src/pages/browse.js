import { html } from 'htm/preact';
import { VideoGrid } from './common.js';

/** Home, recently added, trending: the local and federated public videos in one order. */
export function VideoList({ title, sort }) {
  return html`<main class="page">
    <h1>${title}</h1>
    <${VideoGrid} path="/api/v1/videos" query=${{ sort }} />
  </main>`;
}

export function SearchPage() {
  const params = new URLSearchParams(location.search);
  const search = params.get('search') || '';
  const tag = params.get('tagsOneOf') || '';
  return html`<main class="page">
    <h1>${search ? html`Results for “${search}”` : tag ? html`Videos tagged “${tag}”` : 'Search'}</h1>
    ${search || tag ? html`<${VideoGrid} path="/api/v1/search/videos"
        query=${{ search: search || undefined, tagsOneOf: tag || undefined, sort: '-match' }}
        empty="No video matches this search." />`
      : html`<p class="muted">Type words in the search field above.</p>`}
  </main>`;
}

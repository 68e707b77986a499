import { html } from 'htm/preact';
import { api } from '../api.js';
import { SubscribeButton } from './watch.js';
import { Avatar, ErrorBox, Loading, VideoGrid, plural, useLoad, channelHandle } from './common.js';

function Head({ actor, handle, children }) {
  return html`<header class="actor-head">
    <${Avatar} actor=${actor} />
    <div>
      <h1 style="margin:0">${actor.displayName || actor.name}</h1>
      <div class="muted">@${handle} · ${plural(actor.followersCount || 0, 'subscriber')}</div>
    </div>
    <span class="spacer"></span>
    ${children}
  </header>
  ${actor.description && html`<p class="description">${actor.description}</p>`}`;
}

export function AccountPage({ name }) {
  const account = useLoad(() => api('GET', `/api/v1/accounts/${encodeURIComponent(name)}`), [name]);
  const channels = useLoad(() => api('GET', `/api/v1/accounts/${encodeURIComponent(name)}/video-channels`), [name]);
  if (account.error) return html`<main class="page"><h1>Account</h1><${ErrorBox} error=${account.error} /></main>`;
  if (!account.data) return html`<main class="page"><${Loading} /></main>`;
  const a = account.data;
  return html`<main class="page" data-testid="account-page">
    <${Head} actor=${a} handle=${channelHandle(a)} />
    <h2>Channels</h2>
    ${channels.error && html`<${ErrorBox} error=${channels.error} />`}
    ${channels.data && html`<ul class="chips">${channels.data.data.map((c) => html`<li>
      <a class="btn" href=${`/c/${channelHandle(c)}`}>${c.displayName || c.name}</a></li>`)}</ul>`}
    <h2>Videos</h2>
    <${VideoGrid} path=${`/api/v1/accounts/${encodeURIComponent(name)}/videos`} query=${{ sort: '-publishedAt' }} />
  </main>`;
}

export function ChannelPage({ name }) {
  const channel = useLoad(() => api('GET', `/api/v1/video-channels/${encodeURIComponent(name)}`), [name]);
  if (channel.error) return html`<main class="page"><h1>Channel</h1><${ErrorBox} error=${channel.error} /></main>`;
  if (!channel.data) return html`<main class="page"><${Loading} /></main>`;
  const c = channel.data;
  return html`<main class="page" data-testid="channel-page">
    <${Head} actor=${c} handle=${channelHandle(c)}><${SubscribeButton} channel=${c} /><//>
    ${c.ownerAccount && html`<p class="muted">Owned by <a href=${`/a/${channelHandle(c.ownerAccount)}`}>
      ${c.ownerAccount.displayName || c.ownerAccount.name}</a></p>`}
    <h2>Videos</h2>
    <${VideoGrid} path=${`/api/v1/video-channels/${encodeURIComponent(name)}/videos`} query=${{ sort: '-publishedAt' }} />
  </main>`;
}

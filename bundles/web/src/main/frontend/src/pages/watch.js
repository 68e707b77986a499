import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, useCurrentUser } from '../api.js';
import { Comments } from './comments.js';
import { Avatar, ErrorBox, Loading, formatBytes, formatDate, plural, useLoad, channelHandle } from './common.js';

/** The <video> with the player on it; reports views (and history) once playback passed a few seconds. */
export function Player({ video, autoplay = false, onStats }) {
  const ref = useRef(null);
  const user = useCurrentUser();
  const [error, setError] = useState(null);
  const p2pEnabled = user ? user.p2pEnabled !== false : true;
  useEffect(() => {
    let player = null, gone = false;
    import('../player/player.js').then((m) => m.createPlayer(ref.current, video, { p2pEnabled, onStats })).then((p) => {
      if (gone) p.destroy(); else player = p;
    }, (e) => setError(e));
    return () => { gone = true; if (player) player.destroy(); };
  }, [video.uuid, p2pEnabled]);

  // a view counts once the viewer watched a little, as PeerTube's player reports it
  useEffect(() => {
    const el = ref.current;
    let sent = false, lastHistory = 0;
    const onTime = () => {
      const t = Math.floor(el.currentTime);
      if (!sent && t >= 3) {
        sent = true;
        lastHistory = t;
        api('POST', `/api/v1/videos/${video.uuid}/views`, { json: { currentTime: t } }).catch(() => {});
      } else if (sent && user && t - lastHistory >= 15) {
        lastHistory = t;   // keeps the history's resume point current
        api('POST', `/api/v1/videos/${video.uuid}/views`, { json: { currentTime: t } }).catch(() => {});
      }
    };
    el.addEventListener('timeupdate', onTime);
    return () => el.removeEventListener('timeupdate', onTime);
  }, [video.uuid, !!user]);

  return html`<div class="player-box">
    <video ref=${ref} controls playsinline autoplay=${autoplay} preload="metadata" data-testid="video-player"
      poster=${video.previewPath || video.thumbnailPath || undefined} aria-label=${`Video: ${video.name}`}></video>
  </div>
  <${ErrorBox} error=${error} />`;
}

function Thumb({ down }) {
  return html`<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" style=${down ? 'transform:rotate(180deg)' : ''}>
    <path fill="currentColor" d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>`;
}

function Rating({ video }) {
  const user = useCurrentUser();
  const [counts, setCounts] = useState({ likes: video.likes || 0, dislikes: video.dislikes || 0 });
  const [mine, setMine] = useState('none');
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!user) return;
    api('GET', `/api/v1/users/me/videos/${video.id}/rating`).then((r) => setMine(r.rating || 'none'), setError);
  }, [user && user.id, video.id]);
  const rate = async (rating) => {
    const next = mine === rating ? 'none' : rating;
    setError(null);
    try {
      await api('PUT', `/api/v1/videos/${video.id}/rate`, { json: { rating: next } });
      const c = { ...counts };
      if (mine === 'like') c.likes--;
      if (mine === 'dislike') c.dislikes--;
      if (next === 'like') c.likes++;
      if (next === 'dislike') c.dislikes++;
      setCounts(c);
      setMine(next);
    } catch (e) { setError(e); }
  };
  const title = user ? undefined : 'Log in to rate';
  return html`<div class="row" role="group" aria-label="Rating">
    <button class="btn" data-testid="like" aria-pressed=${mine === 'like'} disabled=${!user} title=${title}
      onClick=${() => rate('like')}><${Thumb} /> Like <span data-testid="likes">${counts.likes}</span></button>
    <button class="btn" data-testid="dislike" aria-pressed=${mine === 'dislike'} disabled=${!user} title=${title}
      onClick=${() => rate('dislike')}><${Thumb} down /> Dislike <span data-testid="dislikes">${counts.dislikes}</span></button>
    <${ErrorBox} error=${error} />
  </div>`;
}

export function SubscribeButton({ channel }) {
  const user = useCurrentUser();
  const handle = channel && (channel.host ? `${channel.name}@${channel.host}` : channel.name);
  const [subscribed, setSubscribed] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!user || !handle) return;
    api('GET', '/api/v1/users/me/subscriptions/exist', { query: { uris: handle } })
      .then((r) => setSubscribed(!!r[handle]), setError);
  }, [user && user.id, handle]);
  if (!user) return html`<a class="btn btn-primary" href=${`/login?redirect=${encodeURIComponent(location.pathname)}`}>Subscribe</a>`;
  const toggle = async () => {
    setError(null);
    try {
      if (subscribed) await api('DELETE', `/api/v1/users/me/subscriptions/${encodeURIComponent(handle)}`);
      else await api('POST', '/api/v1/users/me/subscriptions', { json: { uri: handle } });
      setSubscribed(!subscribed);
    } catch (e) { setError(e); }
  };
  return html`<button class=${subscribed ? 'btn' : 'btn btn-primary'} data-testid="subscribe" disabled=${subscribed === null}
    aria-pressed=${!!subscribed} onClick=${toggle}>${subscribed ? 'Unsubscribe' : 'Subscribe'}</button>
    <${ErrorBox} error=${error} />`;
}

function Downloads({ video }) {
  const files = [...(video.files || []), ...((video.streamingPlaylists || []).flatMap((p) => p.files || []))]
    .filter((f) => f.fileDownloadUrl);
  if (!video.downloadEnabled || files.length === 0) return null;
  return html`<details><summary>Download</summary><ul>
    ${files.map((f) => html`<li><a href=${f.fileDownloadUrl} download>${f.resolution?.label || 'Original'}</a>
      <span class="muted"> (${formatBytes(f.size)})</span>
      ${f.torrentDownloadUrl && html` · <a href=${f.torrentDownloadUrl}>torrent</a>`}</li>`)}
  </ul></details>`;
}

function Report({ video }) {
  const user = useCurrentUser();
  const [reason, setReason] = useState('');
  const [state, setState] = useState({});
  if (!user) return null;
  const submit = async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/abuses', { json: { reason: reason.trim(), video: { id: video.id } } });
      setState({ done: true });
    } catch (err) { setState({ error: err }); }
  };
  return html`<details><summary>Report</summary>
    ${state.done ? html`<p class="success" role="status">Thank you. The moderators will look at this video.</p>` : html`
    <form onSubmit=${submit}><${ErrorBox} error=${state.error} />
      <div class="form-row"><label for="report-reason">What is wrong with this video?</label>
        <textarea id="report-reason" required minlength="2" maxlength="3000" value=${reason}
          onInput=${(e) => setReason(e.target.value)}></textarea></div>
      <button class="btn btn-danger" type="submit">Send the report</button></form>`}
  </details>`;
}

function Stats({ stats }) {
  const s = stats || { bytesFromPeers: 0, bytesFromServer: 0, bytesToPeers: 0, peers: 0 };
  return html`<p class="p2p-stats" data-testid="p2p-stats" aria-live="off"
      data-from-peers=${s.bytesFromPeers} data-from-server=${s.bytesFromServer}>
    From server ${formatBytes(s.bytesFromServer)} · from peers ${formatBytes(s.bytesFromPeers)}
    · to peers ${formatBytes(s.bytesToPeers)} · ${plural(s.peers, 'peer')}
  </p>`;
}

export function WatchPage({ id }) {
  const loaded = useLoad(() => api('GET', `/api/v1/videos/${encodeURIComponent(id)}`), [id]);
  const video = loaded.data;
  // the details carry the whole description; PeerTube's /description is the fallback for servers that truncate
  const description = useLoad(() => (!video ? null : typeof video.description === 'string' ? { description: video.description }
    : api('GET', `/api/v1/videos/${video.uuid}/description`)), [video && video.uuid]);
  const [stats, setStats] = useState(null);
  useEffect(() => { if (video) document.title = `${video.name} - Vidiverse`; }, [video]);
  if (loaded.error) return html`<main class="page"><h1>Video unavailable</h1><${ErrorBox} error=${loaded.error} /></main>`;
  if (!video) return html`<main class="page"><${Loading} /></main>`;
  const published = video.state?.id === 1;
  const embedUrl = `${location.origin}/videos/embed/${video.uuid}`;
  const channel = video.channel;
  return html`<main class="page watch">
    <div>
      ${published ? html`<${Player} video=${video} autoplay onStats=${setStats} />` : html`<div class="card">
        <p data-testid="video-state">This video is not published yet: ${video.state?.label}.</p></div>`}
      <h1 data-testid="video-name">${video.name}</h1>
      <div class="row muted">
        <span>${plural(video.views || 0, 'view')} · ${formatDate(video.publishedAt)}</span>
        ${video.privacy && video.privacy.id !== 1 && html`<span>· ${video.privacy.label}</span>`}
        <span class="spacer"></span>
        <${Rating} video=${video} />
      </div>
      ${published && html`<${Stats} stats=${stats} />`}
      ${channel && html`<div class="channel-line">
        <${Avatar} actor=${channel} />
        <div><a href=${`/c/${channelHandle(channel)}`}><strong>${channel.displayName || channel.name}</strong></a><br />
          <span class="muted">by <a href=${`/a/${channelHandle(video.account)}`}>${video.account?.displayName || video.account?.name}</a></span></div>
        <${SubscribeButton} channel=${channel} />
      </div>`}
      <section aria-label="Description">
        ${description.error ? html`<${ErrorBox} error=${description.error} />`
          : html`<p class="description" data-testid="description">${description.data?.description ?? video.truncatedDescription ?? ''}</p>`}
      </section>
      ${video.tags?.length > 0 && html`<ul class="tags" aria-label="Tags">
        ${video.tags.map((t) => html`<li><a href=${`/search?tagsOneOf=${encodeURIComponent(t)}`}>#${t}</a></li>`)}</ul>`}
      <${Comments} video=${video} />
    </div>
    <aside>
      <div class="card">
        <h2>Share</h2>
        <div class="form-row"><label for="embed-code">Embed code</label>
          <textarea id="embed-code" class="embed-code" readonly onFocus=${(e) => e.target.select()}
            value=${`<iframe width="560" height="315" src="${embedUrl}" title="${video.name.replace(/"/g, '&quot;')}" frameborder="0" allowfullscreen sandbox="allow-same-origin allow-scripts allow-popups"></iframe>`}></textarea></div>
        <div class="form-row"><label for="share-link">Link</label>
          <input id="share-link" readonly value=${`${location.origin}/w/${video.shortUUID || video.uuid}`} onFocus=${(e) => e.target.select()} /></div>
        <${Downloads} video=${video} />
        <${Report} video=${video} />
      </div>
    </aside>
  </main>`;
}

import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad } from './common.js';

/** The player alone, filling the window, for other sites' iframes. */
export function EmbedPage({ id }) {
  const loaded = useLoad(() => api('GET', `/api/v1/videos/${encodeURIComponent(id)}`), [id]);
  const ref = useRef(null);
  const [error, setError] = useState(null);
  const video = loaded.data;
  useEffect(() => {
    if (!video || video.state?.id !== 1) return undefined;
    document.title = `${video.name} - Vidiverse`;
    let player = null, gone = false;
    import('../player/player.js').then((m) => m.createPlayer(ref.current, video)).then((p) => { if (gone) p.destroy(); else player = p; }, setError);
    return () => { gone = true; if (player) player.destroy(); };
  }, [video && video.uuid]);
  const problem = loaded.error || error || (video && video.state?.id !== 1 && new Error('This video is not published yet'));
  return html`<div class="embed">
    ${problem ? html`<p class="error" role="alert" style="margin:16px">${problem.message}</p>` : html`
      <video ref=${ref} controls playsinline preload="metadata" data-testid="video-player"
        poster=${video?.previewPath || undefined} aria-label=${video ? `Video: ${video.name}` : 'Video'}></video>`}
    ${video && html`<a href=${`/w/${video.shortUUID || video.uuid}`} target="_blank" rel="noopener"
      style="position:absolute;top:8px;left:12px;color:#fff;text-shadow:0 0 4px #000">${video.name}</a>`}
  </div>`;
}

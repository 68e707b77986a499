// The video player: HLS through hls.js (native HLS where hls.js is unsupported, as on iOS Safari), else the best
// MP4 file. The interface is shared with the peer-to-peer player that may replace these internals.
import Hls from 'hls.js';

function bestFile(video) {
  const files = [...(video.files || [])].filter((f) => f.fileUrl);
  files.sort((a, b) => (b.resolution?.id || 0) - (a.resolution?.id || 0));
  return files[0] || null;
}

/**
 * Plays `video` (the /api/v1/videos/{id} JSON) in `videoEl`.
 * @returns {Promise<{destroy(): void, stats(): {bytesFromPeers: number, bytesFromServer: number, bytesToPeers: number, peers: number}}>}
 */
export async function createPlayer(videoEl, video, { p2pEnabled = true, onStats } = {}) {   // eslint-disable-line no-unused-vars
  const counters = { bytesFromPeers: 0, bytesFromServer: 0, bytesToPeers: 0, peers: 0 };
  const stats = () => ({ ...counters });
  const report = () => { if (onStats) onStats(stats()); };
  const playlist = video.streamingPlaylists && video.streamingPlaylists[0] && video.streamingPlaylists[0].playlistUrl;
  let hls = null;

  if (playlist && Hls.isSupported()) {
    hls = new Hls({ enableWorker: true, backBufferLength: 60 });
    hls.on(Hls.Events.FRAG_LOADED, (_e, data) => {
      counters.bytesFromServer += data.frag?.stats?.total || data.payload?.byteLength || 0;
      report();
    });
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal) return;
      // the recoveries hls.js documents; anything else ends playback with the error shown by the <video>
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
      else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
      else hls.destroy();
    });
    hls.loadSource(playlist);
    hls.attachMedia(videoEl);
  } else if (playlist && videoEl.canPlayType('application/vnd.apple.mpegurl')) {
    videoEl.src = playlist;
  } else {
    const file = bestFile(video);
    if (!file) throw new Error('This video has no playable file yet');
    videoEl.src = file.fileUrl;
    // a progressive download: count what the browser buffered, as far as the <video> tells
    videoEl.addEventListener('progress', () => {
      const b = videoEl.buffered;
      if (b.length && videoEl.duration) {
        counters.bytesFromServer = Math.round((b.end(b.length - 1) / videoEl.duration) * (file.size || 0));
        report();
      }
    });
  }
  report();
  return {
    destroy() {
      if (hls) hls.destroy();
      videoEl.removeAttribute('src');
      videoEl.load();
    },
    stats,
  };
}

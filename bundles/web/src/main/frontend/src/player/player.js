// The video player (loaded on demand by the watch and embed pages, so hls.js stays out of the other pages): HLS through hls.js with peer-to-peer sharing of segments between viewers of the same video
// (p2p-media-loader 2.x over WebRTC, meeting through the instance's own WebSocket tracker), falling back to HTTP;
// native HLS where hls.js is unsupported (iOS Safari), else the best MP4 file.
//
// P2P: the swarm id is the master playlist's URL, which the tracker (streaming bundle, tracker.LocalSwarms) derives the same
// way to know the swarm is hosted here; every segment from a peer is checked against segments-sha256.json and
// dropped (then fetched over HTTP) when it does not match. The instance (/api/v1/config defaults.p2p.webapp.enabled)
// and the user (p2pEnabled) can turn P2P off.
import Hls from 'hls.js';
import { HlsJsP2PEngine } from 'p2p-media-loader-hlsjs';
import { segmentValidator } from './segments.js';
import { tamperingStorageFactory } from './tamper.js';
import { startMetrics } from './metrics.js';

function bestFile(video) {
  const files = [...(video.files || [])].filter((f) => f.fileUrl);
  files.sort((a, b) => (b.resolution?.id || 0) - (a.resolution?.id || 0));
  return files[0] || null;
}

async function instanceAllowsP2P() {
  try {
    const r = await fetch('/api/v1/config');
    if (!r.ok) return true;
    const config = await r.json();
    return config?.defaults?.p2p?.webapp?.enabled !== false && config?.tracker?.enabled !== false;
  } catch (e) {
    return true;
  }
}

function wsTrackers(video) {
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
  const own = (video.trackerUrls || []).filter((u) => /^wss?:/.test(u));
  // only the instance's own tracker: its swarms are the ones it hosts
  return own.length ? own : [`${base}/tracker/socket`];
}

/**
 * Plays `video` (the /api/v1/videos/{id} JSON) in `videoEl`.
 * @returns {Promise<{destroy(): void, stats(): {bytesFromPeers: number, bytesFromServer: number, bytesToPeers: number, peers: number, rejectedSegments: number, p2p: boolean}}>}
 */
export async function createPlayer(videoEl, video, { p2pEnabled = true, onStats } = {}) {
  const counters = {
    bytesFromPeers: 0, bytesFromServer: 0, bytesToPeers: 0, peers: 0, rejectedSegments: 0, p2p: false,
  };
  const extra = { errors: 0, resolutionChanges: 0, stalls: 0, resolution: 0, mode: 'web-video' };
  const stats = () => ({ ...counters });
  const report = () => {
    // the page's numbers, and a handle for browser tests
    window.__vidiverseP2P = stats();
    if (onStats) onStats(stats());
  };
  const hlsPlaylist = video.streamingPlaylists && video.streamingPlaylists[0];
  const playlist = hlsPlaylist && hlsPlaylist.playlistUrl;
  const query = new URLSearchParams(location.search);
  let hls = null;

  if (playlist && Hls.isSupported()) {
    const p2p = p2pEnabled && query.get('p2p') !== '0' && !!hlsPlaylist.segmentsSha256Url && !!window.RTCPeerConnection
      && await instanceAllowsP2P();
    counters.p2p = p2p;
    extra.mode = 'p2p-media-loader';
    const HlsP2P = HlsJsP2PEngine.injectMixin(Hls);
    hls = new HlsP2P({
      enableWorker: true,
      backBufferLength: 60,
      p2p: {
        core: {
          swarmId: playlist,
          announceTrackers: wsTrackers(video),
          isP2PDisabled: !p2p,
          validateP2PSegment: segmentValidator(hlsPlaylist.segmentsSha256Url, {
            onRejected: () => { counters.rejectedSegments += 1; report(); },
          }),
          ...(query.get('p2pTamper') === '1' ? { customSegmentStorageFactory: tamperingStorageFactory() } : {}),
        },
      },
    });
    const engine = hls.p2pEngine;
    const peers = new Set();
    engine.addEventListener('onSegmentLoaded', (d) => {
      if (d.downloadSource === 'p2p') counters.bytesFromPeers += d.bytesLength;
      else counters.bytesFromServer += d.bytesLength;
      report();
    });
    engine.addEventListener('onChunkUploaded', (bytes) => { counters.bytesToPeers += bytes; report(); });
    engine.addEventListener('onPeerConnect', (p) => { peers.add(p.peerId); counters.peers = peers.size; report(); });
    engine.addEventListener('onPeerClose', (p) => { peers.delete(p.peerId); counters.peers = peers.size; report(); });
    hls.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => {
      extra.resolutionChanges += 1;
      extra.resolution = hls.levels[data.level]?.height || 0;
    });
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (data.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR) extra.stalls += 1;
      if (!data.fatal) return;
      extra.errors += 1;
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
    extra.resolution = file.resolution?.id || 0;
    // a progressive download: count what the browser buffered, as far as the <video> tells
    videoEl.addEventListener('progress', () => {
      const b = videoEl.buffered;
      if (b.length && videoEl.duration) {
        counters.bytesFromServer = Math.round((b.end(b.length - 1) / videoEl.duration) * (file.size || 0));
        report();
      }
    });
  }
  const fps = Math.max(0, ...(video.files || []).map((f) => f.fps || 0),
    ...((hlsPlaylist && hlsPlaylist.files) || []).map((f) => f.fps || 0));
  const metrics = startMetrics(video, { p2pEnabled: counters.p2p, sample: () => ({ ...counters, ...extra, fps }) });
  report();
  return {
    destroy() {
      metrics.stop();
      if (hls) hls.destroy();
      videoEl.removeAttribute('src');
      videoEl.load();
    },
    stats,
  };
}

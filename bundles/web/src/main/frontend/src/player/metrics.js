// Reports playback to the instance as PeerTube's player does (POST /api/v1/metrics/playback, PlaybackMetricCreate):
// periodically and when the player goes, with the bytes moved since the previous report. Failures are ignored:
// metrics never get in the way of watching.
const PERIOD_MS = 15_000;

export function startMetrics(video, { sample, p2pEnabled }) {
  let last = { bytesFromPeers: 0, bytesFromServer: 0, bytesToPeers: 0, errors: 0, resolutionChanges: 0, stalls: 0 };
  const send = (keepalive) => {
    const now = sample();
    const body = {
      videoId: video.uuid,
      playerMode: now.mode,
      resolution: now.resolution || undefined,
      fps: now.fps || undefined,
      p2pEnabled,
      p2pPeers: now.peers,
      resolutionChanges: now.resolutionChanges - last.resolutionChanges,
      errors: now.errors - last.errors,
      downloadedBytesP2P: now.bytesFromPeers - last.bytesFromPeers,
      downloadedBytesHTTP: now.bytesFromServer - last.bytesFromServer,
      uploadedBytesP2P: now.bytesToPeers - last.bytesToPeers,
      bufferStalled: now.stalls - last.stalls,
    };
    last = now;
    fetch('/api/v1/metrics/playback', {
      method: 'POST', keepalive, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    }).catch(() => {});
  };
  const timer = setInterval(() => send(false), PERIOD_MS);
  return { stop() { clearInterval(timer); send(true); } };
}

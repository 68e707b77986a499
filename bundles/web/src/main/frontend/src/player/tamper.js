// TEST HOOK ONLY, enabled by the `?p2pTamper=1` query parameter: a segment storage that hands peers corrupted copies
// of what it holds, so a browser test can show that the other viewers reject them (see segments.js). It keeps every
// segment (no eviction): fine for a test page, never used otherwise.
//
// Its own player gets the genuine bytes: p2p-media-loader announces a local request (onSegmentRequested) right
// before reading the storage for it, while a peer's request reads the storage unannounced. Corrupting the page's
// own playback too would send hls.js into media-error recoveries and is not what a tampering peer looks like.
export function tamperingStorageFactory() {
  return () => {
    const items = new Map();
    let changed = () => {};
    let announcedLocally = null;
    const key = (streamId, segmentId) => `${streamId}|${segmentId}`;
    return {
      async initialize() {},
      onPlaybackUpdated() {},
      onSegmentRequested(_swarm, streamId, segmentId) { announcedLocally = key(streamId, segmentId); },
      async storeSegment(_swarm, streamId, segmentId, data) {
        items.set(key(streamId, segmentId), { streamId, segmentId, data });
        changed(streamId);
      },
      async getSegmentData(_swarm, streamId, segmentId) {
        const k = key(streamId, segmentId);
        const item = items.get(k);
        if (!item) return undefined;
        if (announcedLocally === k) {
          announcedLocally = null;
          return item.data;
        }
        const copy = new Uint8Array(item.data.slice(0));
        for (let i = 0; i < copy.length; i += 997) copy[i] ^= 0xff;
        return copy.buffer;
      },
      getUsage() { return { totalCapacity: 4096, usedCapacity: 0 }; },
      hasSegment(_swarm, streamId, segmentId) { return items.has(key(streamId, segmentId)); },
      getStoredSegmentIds(_swarm, streamId) {
        return [...items.values()].filter((i) => i.streamId === streamId).map((i) => i.segmentId);
      },
      setSegmentChangeCallback(cb) { changed = cb; },
      destroy() { items.clear(); },
    };
  };
}

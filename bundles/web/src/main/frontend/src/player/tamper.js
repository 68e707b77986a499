// TEST HOOK ONLY, enabled by the `?p2pTamper=1` query parameter: a segment storage that hands peers corrupted copies
// of what it holds, so a browser test can show that the other viewers reject them (see segments.js). It keeps every
// segment (no eviction): fine for a test page, never used otherwise.
export function tamperingStorageFactory() {
  return () => {
    const items = new Map();
    let changed = () => {};
    const key = (streamId, segmentId) => `${streamId}|${segmentId}`;
    return {
      async initialize() {},
      onPlaybackUpdated() {},
      onSegmentRequested() {},
      async storeSegment(_swarm, streamId, segmentId, data) {
        items.set(key(streamId, segmentId), { streamId, segmentId, data });
        changed(streamId);
      },
      async getSegmentData(_swarm, streamId, segmentId) {
        const item = items.get(key(streamId, segmentId));
        if (!item) return undefined;
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

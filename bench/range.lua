-- wrk script: 1 MiB byte ranges at random offsets of one file, as HLS players fetch the segments of a
-- fragmented MP4. RANGE_FILE_BYTES is the file's size.
local size = tonumber(os.getenv("RANGE_FILE_BYTES"))
local span = 1048576

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed + os.time())
end

function request()
  local from = math.random(0, size - span)
  return wrk.format(nil, nil, { ["Range"] = "bytes=" .. from .. "-" .. (from + span - 1) })
end

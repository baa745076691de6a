-- wrk script for scripts/bench: OneBot v11 webhooks with a realistic mix and unique message ids.
-- About 70 % chat, 10 % questions, 10 % check-ins, 5 % ads, 5 % joins, over many groups and members.
local groups = tonumber(os.getenv("BENCH_GROUPS") or "500")
-- active members per group (the same member ids in every group, each group's members its own)
local members = tonumber(os.getenv("BENCH_MEMBERS") or "200")
-- BENCH_MIX=chat sends ordinary chat only (the issue's throughput target); anything else the full mix
local chat_only = os.getenv("BENCH_MIX") == "chat"
local self_id = 10001000
local chat = { "哈哈哈", "好的收到", "今天天气不错", "晚上一起吃饭吗", "这个方案我觉得可以",
  "刚下班，累死了", "明天见", "早上好", "+1", "周末去爬山了，风景很好", "这首歌真好听", "666" }
local questions = { "请问怎么报名？", "群规在哪里看？", "有人知道活动几点开始吗？", "怎么签到？" }
local threads = {}
local counter = 0


function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local base = 0

function init(args)
  math.randomseed(os.time() + tid)
  -- ids stay unique across runs (a repeated id is a redelivery, which the bot rightly skips)
  base = (os.time() % 1000000) * 100000000 + tid * 10000000
end

local function message(group, user, text)
  counter = counter + 1
  local mid = base + counter
  return string.format('{"time":%d,"self_id":%d,"post_type":"message","message_type":"group",' ..
    '"sub_type":"normal","message_id":%d,"group_id":%d,"user_id":%d,"anonymous":null,' ..
    '"message":[{"type":"text","data":{"text":"%s"}}],"raw_message":"%s","font":0,' ..
    '"sender":{"user_id":%d,"nickname":"成员%d","card":"","role":"member"}}',
    os.time(), self_id, mid, group, user, text, text, user, user)
end

local function join(group, user)
  counter = counter + 1
  return string.format('{"time":%d,"self_id":%d,"post_type":"notice","notice_type":"group_increase",' ..
    '"sub_type":"approve","group_id":%d,"operator_id":0,"user_id":%d}',
    os.time(), self_id, group, user)
end

local headers = { ["Content-Type"] = "application/json", ["X-Self-ID"] = tostring(self_id) }

request = function()
  local group = 700000 + math.random(groups)
  local user = 100000 + math.random(members)
  local r = math.random()
  local body
  if chat_only or r < 0.70 then
    body = message(group, user, chat[math.random(#chat)])
  elseif r < 0.80 then
    body = message(group, user, questions[math.random(#questions)])
  elseif r < 0.90 then
    body = message(group, user, "签到")
  elseif r < 0.95 then
    body = message(group, user, "加微信 abc" .. math.random(99999) .. " 领取免费福利，兼职日结300元")
  else
    body = join(group, user)
  end
  return wrk.format("POST", "/webhook/onebot", headers, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end

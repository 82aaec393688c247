-- B6: two coroutines ping-pong an integer 1_000_000 times (resume/yield); the server
-- adds one each round trip, so the result is 1000000
local server = coroutine.wrap(function(v)
  while true do v = coroutine.yield(v + 1) end
end)
local x = 0
for _ = 1, 1000000 do x = server(x) end
print(x)

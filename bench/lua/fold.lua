-- B5: l = [i mod 1000 for i < 1_000_000] as cons cells; p = ref {2, 1};
-- 10 times: fold_left (fun acc x -> acc + x * a + b) 0 l = 1000000000
local function mklist()
  local acc = nil
  for i = 999999, 0, -1 do acc = {i % 1000, acc} end
  return acc
end
local function fold_left(f, acc, l)
  if l == nil then return acc end
  return fold_left(f, f(acc, l[1]), l[2])
end
local l = mklist()
local p = {{2, 1}}
local function f(acc, x) local ab = p[1]; return acc + x * ab[1] + ab[2] end
local r = 0
for _ = 1, 10 do r = fold_left(f, 0, l) end
print(r)

-- B4: l = [i mod 1000 for i < 1_000_000] as cons cells; 5 times: sum (map succ l) with a
-- tail-recursive map (rev_map, then rev) = 500500000
local function mklist()
  local acc = nil
  for i = 999999, 0, -1 do acc = {i % 1000, acc} end
  return acc
end
local function rev_map_succ(l, acc)
  if l == nil then return acc end
  return rev_map_succ(l[2], {l[1] + 1, acc})
end
local function rev(l, acc)
  if l == nil then return acc end
  return rev(l[2], {l[1], acc})
end
local function sum(l, acc)
  if l == nil then return acc end
  return sum(l[2], acc + l[1])
end
local l = mklist()
local r = 0
for _ = 1, 5 do r = sum(rev(rev_map_succ(l, nil), nil), 0) end
print(r)

-- B2: tak 18 12 6, 7500 times, summed = 52500
local function tak(x, y, z)
  if y < x then return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) end
  return z
end
local s = 0
for _ = 1, 7500 do s = s + tak(18, 12, 6) end
print(s)

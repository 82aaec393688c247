-- B3: sum of i mod 7 over i < 10_000_000 with i mod 3 = 0 = 10000001
local s = 0
for i = 0, 9999999 do if i % 3 == 0 then s = s + i % 7 end end
print(s)

val first : 'a * 'b -> 'a

let x =
  let module M = struct let y = 1 end in
  M.y

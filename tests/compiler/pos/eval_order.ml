type r = { a : int; b : int; c : int }
let t s v = print_string s; v
let () = let x = { c = t "c" 3; a = t "a" 1; b = t "b" 2 } in Printf.printf " %d\n" (x.a + x.b + x.c)
let () = let (p, q) = (t "1" 1, t "2" 2) in Printf.printf " %d\n" (p + q)
let () = let arr = [| t "x" 1; t "y" 2 |] in Printf.printf " %d\n" (Array.length arr)
let () = let l = [t "h" 1; t "i" 2] in Printf.printf " %d\n" (List.length l)
let f a b = a + b
let () = Printf.printf " %d\n" ((t "F" f) (t "A" 1) (t "B" 2))
let () = Printf.printf " %d\n" (t "L" 1 + t "R" 2)
let () = Printf.printf " %b\n" (t "L" 1 = t "R" 2)
let () = let r = ref 0 in r := (t "v" 5); Printf.printf " %d\n" !r
let () = let x = t "e1" 1 and y = t "e2" 2 in Printf.printf " %d\n" (x + y)
let () = Printf.printf "%s %s\n" (t "P1" "a") (t "P2" "b")
let g = Some (t "S" 1)
let () = print_newline ()
let () = let s = t "s" "abc" in Printf.printf " %c\n" s.[t "i" 1]
let () = let a = [|0;0|] in a.(t "idx" 0) <- t "val" 5; Printf.printf " %d\n" a.(0)
type q = { mutable m : int }
let () = let v = { m = 0 } in (t "rec" v).m <- t "val" 3; Printf.printf " %d\n" v.m
let () = Printf.printf " %d\n" (List.fold_left (fun a b -> a + b) (t "init" 0) (t "list" [1]))

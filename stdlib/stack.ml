(* SPDX-License-Identifier: MIT
   stack.ml - module Stack: mutable LIFO stacks, OCaml 4.13's interface. *)
exception Empty

type 'a t = { mutable __c : 'a list; mutable __len : int }

let create () = { __c = []; __len = 0 }
let clear s = s.__c <- []; s.__len <- 0
let copy s = { __c = s.__c; __len = s.__len }
let push x s = s.__c <- x :: s.__c; s.__len <- s.__len + 1
let pop s =
  match s.__c with
  | hd :: tl -> s.__c <- tl; s.__len <- s.__len - 1; hd
  | [] -> raise Empty
let pop_opt s =
  match s.__c with
  | hd :: tl -> s.__c <- tl; s.__len <- s.__len - 1; Some hd
  | [] -> None
let top s = match s.__c with hd :: _ -> hd | [] -> raise Empty
let top_opt s = match s.__c with hd :: _ -> Some hd | [] -> None
let is_empty s = s.__c = []
let length s = s.__len
let iter f s = List.iter f s.__c
let fold f acc s = List.fold_left f acc s.__c
let to_seq s = List.to_seq s.__c
let add_seq s i = Seq.iter (fun x -> push x s) i
let of_seq g = let s = create () in add_seq s g; s

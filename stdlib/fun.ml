(* SPDX-License-Identifier: MIT
   fun.ml - module Fun. *)
let id x = x
let const c _ = c
let flip f x y = f y x
let negate p v = not (p v)

exception Finally_raised of exn

let protect ~finally work =
  let finally_no_exn () = try finally () with e -> raise (Finally_raised e) in
  let result = try work () with e -> finally_no_exn (); raise e in
  finally_no_exn ();
  result

(* SPDX-License-Identifier: MIT
   queue.ml - module Queue: mutable FIFO queues, OCaml 4.13's interface. A queue is a front
   list (oldest first) and a back list (newest first); take moves the back to the front
   when the front runs out, so every operation is amortised O(1). *)
exception Empty

type 'a t = { mutable __len : int; mutable __front : 'a list; mutable __back : 'a list }

let create () = { __len = 0; __front = []; __back = [] }
let clear q = q.__len <- 0; q.__front <- []; q.__back <- []
let add x q =
  q.__len <- q.__len + 1;
  if q.__len = 1 then q.__front <- [ x ] else q.__back <- x :: q.__back
let push x q = add x q
let normalise q =
  match q.__front with
  | [] -> q.__front <- List.rev q.__back; q.__back <- []
  | _ -> ()
let peek q =
  normalise q;
  match q.__front with [] -> raise Empty | x :: _ -> x
let peek_opt q =
  normalise q;
  match q.__front with [] -> None | x :: _ -> Some x
let top q = peek q
let take q =
  normalise q;
  match q.__front with
  | [] -> raise Empty
  | x :: rest -> q.__front <- rest; q.__len <- q.__len - 1; x
let take_opt q =
  normalise q;
  match q.__front with
  | [] -> None
  | x :: rest -> q.__front <- rest; q.__len <- q.__len - 1; Some x
let pop q = take q
(* the elements, oldest first *)
let elements q = List.rev_append (List.rev q.__front) (List.rev q.__back)
let copy q = { __len = q.__len; __front = q.__front; __back = q.__back }
let is_empty q = q.__len = 0
let length q = q.__len
let iter f q = List.iter f q.__front; List.iter f (List.rev q.__back)
let fold f accu q = List.fold_left f (List.fold_left f accu q.__front) (List.rev q.__back)
let transfer q1 q2 =
  if q1.__len > 0 then begin
    if q2.__len = 0 then begin
      q2.__len <- q1.__len; q2.__front <- q1.__front; q2.__back <- q1.__back
    end else begin
      q2.__back <- List.rev_append (elements q1) q2.__back;
      q2.__len <- q2.__len + q1.__len
    end;
    clear q1
  end
let to_seq q = List.to_seq (elements q)
let add_seq q i = Seq.iter (fun x -> add x q) i
let of_seq g = let q = create () in add_seq q g; q

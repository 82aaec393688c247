(* Stack.Empty is its own exception; Map and Set sequences, split, disjoint; Gc requests *)
exception Empty

module IM = Map.Make (Int)
module SS = Set.Make (String)

let describe f =
  match f () with
  | v -> Printf.printf "value %d\n" v
  | exception Stack.Empty -> print_endline "Stack.Empty"
  | exception Queue.Empty -> print_endline "Queue.Empty"
  | exception Empty -> print_endline "Empty (ours)"

let () =
  let s = Stack.create () in
  describe (fun () -> Stack.pop s);
  describe (fun () -> Queue.take (Queue.create ()));
  describe (fun () -> raise Empty);
  Stack.push 7 s;
  describe (fun () -> Stack.top s);
  print_endline (Printexc.to_string Stack.Empty);
  print_endline (Printexc.to_string Queue.Empty);
  print_endline (Printexc.to_string Empty);
  (try ignore (Stack.pop (Stack.create ())) with Queue.Empty -> print_endline "wrong"
                                              | Stack.Empty -> print_endline "right")

let () =
  let m = IM.of_seq (List.to_seq [ (5, "five"); (1, "one"); (3, "three"); (9, "nine") ]) in
  IM.to_seq m |> Seq.iter (fun (k, v) -> Printf.printf "%d=%s " k v);
  print_newline ();
  IM.to_rev_seq m |> Seq.iter (fun (k, _) -> Printf.printf "%d " k);
  print_newline ();
  IM.to_seq_from 4 m |> Seq.iter (fun (k, _) -> Printf.printf "%d " k);
  IM.to_seq_from 5 m |> Seq.iter (fun (k, _) -> Printf.printf "<%d>" k);
  IM.to_seq_from 10 m |> Seq.iter (fun (k, _) -> Printf.printf "[%d]" k);
  print_newline ();
  let l, p, r = IM.split 3 m in
  Printf.printf "split %d %s %d\n" (IM.cardinal l) (Option.value p ~default:"-") (IM.cardinal r);
  let l, p, r = IM.split 4 m in
  Printf.printf "split %d %s %d\n" (IM.cardinal l) (Option.value p ~default:"-") (IM.cardinal r);
  let m2 = IM.add_seq (Seq.return (2, "two")) m in
  Printf.printf "%d %d\n" (IM.cardinal m2) (IM.cardinal m);
  (* a long lazy walk: only the first few nodes are visited *)
  let big = IM.of_seq (Seq.map (fun i -> (i, i * i)) (List.to_seq (List.init 500 (fun i -> i)))) in
  let rec take n s = if n = 0 then [] else match s () with Seq.Nil -> [] | Seq.Cons (x, t) -> x :: take (n - 1) t in
  List.iter (fun (k, v) -> Printf.printf "%d:%d " k v) (take 4 (IM.to_seq_from 300 big));
  print_newline ()

let () =
  let s = SS.of_seq (String.to_seq "hello world" |> Seq.map (String.make 1)) in
  SS.to_seq s |> Seq.iter (Printf.printf "(%s)");
  print_newline ();
  SS.to_rev_seq s |> Seq.iter print_string;
  print_newline ();
  SS.to_seq_from "f" s |> Seq.iter print_string;
  print_newline ();
  let a, b, c = SS.split "h" s in
  Printf.printf "%d %b %d %b %b\n" (SS.cardinal a) b (SS.cardinal c) (SS.disjoint a c) (SS.disjoint s a);
  Printf.printf "%s %s\n" (SS.find "l" s) (match SS.find_opt "z" s with None -> "none" | Some x -> x);
  let t = SS.add_seq (List.to_seq [ "zz"; "a" ]) s in
  Printf.printf "%d %s\n" (SS.cardinal t) (String.concat "," (SS.elements t))

let () =
  Gc.full_major ();
  Gc.compact ();
  Gc.minor ();
  Gc.major ();
  print_endline "gc done"

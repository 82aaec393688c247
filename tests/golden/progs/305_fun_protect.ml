(* Fun.protect ~finally, Fun.Finally_raised, and the other Fun functions *)
let log = ref []
let note s = log := s :: !log
let flush_log () = print_endline (String.concat ", " (List.rev !log)); log := []

let () =
  let r = Fun.protect ~finally:(fun () -> note "finally") (fun () -> note "work"; 42) in
  Printf.printf "result %d\n" r;
  flush_log ();
  (try Fun.protect ~finally:(fun () -> note "finally") (fun () -> note "work"; failwith "boom")
   with Failure m -> note ("caught " ^ m));
  flush_log ();
  (try Fun.protect ~finally:(fun () -> note "finally raises"; raise Exit) (fun () -> note "work"; 1) |> ignore
   with Fun.Finally_raised e -> note ("Finally_raised " ^ Printexc.to_string e));
  flush_log ();
  (try Fun.protect ~finally:(fun () -> raise Not_found) (fun () -> failwith "work failed") |> ignore with
   | Fun.Finally_raised Not_found -> note "the finally exception wins"
   | Failure _ -> note "the work exception wins");
  flush_log ();
  (* nested: inner finally runs before outer *)
  let v =
    Fun.protect ~finally:(fun () -> note "outer")
      (fun () -> Fun.protect ~finally:(fun () -> note "inner") (fun () -> note "body"; "nested"))
  in
  note v;
  flush_log ();
  (* a resource counter that is released on every path *)
  let opened = ref 0 in
  let with_resource f =
    incr opened;
    Fun.protect ~finally:(fun () -> decr opened) (fun () -> f !opened)
  in
  let results =
    List.map
      (fun n -> try string_of_int (with_resource (fun k -> if n mod 2 = 0 then raise Exit else n + k)) with Exit -> "exit")
      [ 1; 2; 3; 4 ]
  in
  Printf.printf "%s, open %d\n" (String.concat " " results) !opened;
  Printf.printf "id %d, const %s, flip %d, negate %b\n" (Fun.id 5) (Fun.const "c" 0) (Fun.flip ( - ) 1 10)
    (Fun.negate (fun x -> x > 0) 3);
  print_endline (Printexc.to_string (Fun.Finally_raised (Failure "f")))

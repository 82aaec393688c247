(* GC stress with mutation: old objects pointing to new ones. *)
(* golden: heap 256K *)
type node = { value : int; mutable next : node option }
type cell = { mutable items : int list; mutable tag : string }
let () =
  let head = { value = 0; next = None } in
  let tail = ref head in
  for i = 1 to 2000 do
    let n = { value = i; next = None } in
    !tail.next <- Some n;
    tail := n;
    if i mod 10 = 0 then ignore (List.init 20 (fun j -> j))
  done;
  let rec sum n acc = match n.next with None -> acc + n.value | Some m -> sum m ((acc + n.value) mod 1000003) in
  Printf.printf "%d\n" (sum head 0);
  let cells = Array.init 10 (fun i -> { items = []; tag = string_of_int i }) in
  for round = 1 to 200 do
    Array.iter (fun c -> c.items <- round :: c.items; if round mod 50 = 0 then c.tag <- c.tag ^ "+") cells
  done;
  Array.iter (fun c -> Printf.printf "%s:%d " c.tag (List.length c.items)) cells;
  print_newline ()

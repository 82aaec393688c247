(* Hashtbl.Make over case-insensitive words (the user's own hash, so the table iterates in
   OCaml's order), used for a symbol table of a tiny assembler *)
module CI = struct
  type t = string
  let equal a b = String.lowercase_ascii a = String.lowercase_ascii b
  let hash s = String.fold_left (fun h c -> ((h * 31) + Char.code (Char.lowercase_ascii c)) land 0xFFFFFF) 7 s
end

module Symtab = Hashtbl.Make (CI)

let program =
  [ "start:"; "  LOAD r1, #10"; "loop:"; "  DEC r1"; "  JNZ Loop"; "  CALL Print"; "  JMP START"; "print:";
    "  OUT r1"; "  RET"; "Loop:" ]

let () =
  let syms = Symtab.create 8 in
  let dup = ref [] in
  List.iteri
    (fun pc line ->
      let l = String.trim line in
      if String.length l > 0 && l.[String.length l - 1] = ':' then begin
        let name = String.sub l 0 (String.length l - 1) in
        if Symtab.mem syms name then dup := name :: !dup else Symtab.add syms name pc
      end)
    program;
  Symtab.iter (fun k v -> Printf.printf "%s=%d " k v) syms;
  print_newline ();
  Printf.printf "duplicates: %s\n" (String.concat "," (List.rev !dup));
  List.iter
    (fun line ->
      match String.split_on_char ' ' (String.trim line) with
      | [ ("JNZ" | "JMP" | "CALL") as op; target ] ->
        (match Symtab.find_opt syms target with
         | Some pc -> Printf.printf "%-4s %-6s -> %d\n" op target pc
         | None -> Printf.printf "%-4s %-6s -> undefined\n" op target)
      | _ -> ())
    program;
  Symtab.replace syms "START" 100;
  Printf.printf "%d %d %d\n" (Symtab.find syms "start") (Symtab.length syms)
    (Symtab.fold (fun _ v acc -> acc + v) syms 0);
  let counts = Symtab.create 4 in
  List.iter (fun w -> Symtab.replace counts w (1 + Option.value (Symtab.find_opt counts w) ~default:0))
    (String.split_on_char ' ' "The the THE quick Quick brown the");
  Symtab.to_seq counts |> Seq.iter (fun (w, n) -> Printf.printf "%s:%d " w n);
  print_newline ()

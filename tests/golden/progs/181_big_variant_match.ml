(* A variant with many constructors and a match over constants far apart. *)
type op = Nop | Push of int | Pop | Add | Sub | Mul | Div | Dup | Swap | Jz of int | Jmp of int | Print | Halt
exception Halted
let run prog =
  let code = Array.of_list prog in
  let stack = ref [] and pc = ref 0 and steps = ref 0 and out = ref [] in
  (try
     while !pc < Array.length code && !steps < 10000 do
       incr steps;
       let next = !pc + 1 in
       (match code.(!pc), !stack with
        | Nop, _ -> pc := next
        | Push n, s -> stack := n :: s; pc := next
        | Pop, _ :: s -> stack := s; pc := next
        | (Add | Sub | Mul | Div) as o, b :: a :: s ->
            let r = match o with Add -> a + b | Sub -> a - b | Mul -> a * b | _ -> a / b in
            stack := r :: s; pc := next
        | Dup, a :: s -> stack := a :: a :: s; pc := next
        | Swap, a :: b :: s -> stack := b :: a :: s; pc := next
        | Jz t, a :: s -> stack := s; pc := (if a = 0 then t else next)
        | Jmp t, _ -> pc := t
        | Print, a :: _ -> out := string_of_int a :: !out; pc := next
        | Halt, _ -> raise Halted
        | _, _ -> failwith ("stack underflow at " ^ string_of_int !pc))
     done
   with Halted -> () | Failure m -> out := m :: !out);
  String.concat " " (List.rev !out)
let classify n = match n with
  | -1000000 -> "very negative" | -1 -> "minus one" | 0 -> "zero" | 7 -> "seven"
  | 255 -> "byte" | 65536 -> "64K" | 1000000 -> "million" | 1073741823 -> "max" | _ -> "other"
let () =
  (* countdown from 5 *)
  print_endline (run [Push 5; Dup; Print; Push 1; Sub; Dup; Jz 8; Jmp 1; Halt]);
  print_endline (run [Push 6; Push 7; Mul; Print; Push 2; Div; Print; Pop; Pop]);
  print_endline (run [Push 1; Push 2; Swap; Sub; Print; Halt; Print]);
  List.iter (fun n -> Printf.printf "%d:%s " n (classify n)) [-1000000; -1; 0; 7; 255; 65536; 1000000; 1073741823; 8];
  print_newline ()

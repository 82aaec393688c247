(* SPDX-License-Identifier: MIT
   format.ml - module Format: formatters and the pp_print_ functions; Format.printf,
   fprintf, eprintf, sprintf and asprintf are compiled by sensec as Printf's formats are
   (their @ directives included). Sense prints flat: boxes and break hints never wrap a
   line (@[ and @] print nothing, "@ " a space, "@," nothing, "@." and "@\n" a newline),
   and a formatter writes at once instead of holding text back until a flush
   (docs/language.md). *)
type formatter = { __out : string -> unit; __flush : unit -> unit }

let formatter_of_out_channel oc = { __out = (fun s -> output_string oc s); __flush = (fun () -> flush oc) }
let std_formatter = formatter_of_out_channel Stdlib.stdout (* Stdlib. : its init runs first *)
let err_formatter = formatter_of_out_channel Stdlib.stderr
let formatter_of_buffer b = { __out = (fun s -> Buffer.add_string b s); __flush = (fun () -> ()) }
let str_buffer = Buffer.create 64
let str_formatter = formatter_of_buffer str_buffer
let flush_str_formatter () =
  let s = Buffer.contents str_buffer in
  Buffer.clear str_buffer;
  s
let make_formatter out flush = { __out = (fun s -> out s 0 (String.length s)); __flush = flush }

let pp_print_string ppf s = ppf.__out s
let pp_print_as ppf _ s = ppf.__out s
let pp_print_text ppf s = ppf.__out s
let pp_print_int ppf n = ppf.__out (string_of_int n)
let pp_print_float ppf f = ppf.__out (string_of_float f)
let pp_print_char ppf c = ppf.__out (String.make 1 c)
let pp_print_bool ppf b = ppf.__out (string_of_bool b)
let pp_print_space ppf () = ppf.__out " "
let pp_print_cut _ () = ()
let pp_print_break ppf n _ = ppf.__out (String.make n ' ')
let pp_force_newline ppf () = ppf.__out "\n"
let pp_print_newline ppf () = ppf.__out "\n"; ppf.__flush ()
let pp_print_flush ppf () = ppf.__flush ()
let pp_open_box _ _ = ()
let pp_open_hbox _ () = ()
let pp_open_vbox _ _ = ()
let pp_open_hvbox _ _ = ()
let pp_open_hovbox _ _ = ()
let pp_close_box _ () = ()
let pp_print_list ?(pp_sep = pp_print_cut) pp_v ppf l =
  let rec go = function
    | [] -> ()
    | [ x ] -> pp_v ppf x
    | x :: rest -> pp_v ppf x; pp_sep ppf (); go rest
  in
  go l
let pp_print_seq ?(pp_sep = pp_print_cut) pp_v ppf seq = pp_print_list ~pp_sep pp_v ppf (List.of_seq seq)
let pp_print_option ?(none = fun _ () -> ()) pp_v ppf o =
  match o with None -> none ppf () | Some v -> pp_v ppf v
let pp_print_result ~ok ~error ppf r =
  match r with Ok v -> ok ppf v | Error e -> error ppf e

(* the same on std_formatter *)
let print_string s = pp_print_string std_formatter s
let print_as n s = pp_print_as std_formatter n s
let print_int n = pp_print_int std_formatter n
let print_float f = pp_print_float std_formatter f
let print_char c = pp_print_char std_formatter c
let print_bool b = pp_print_bool std_formatter b
let print_space () = pp_print_space std_formatter ()
let print_cut () = pp_print_cut std_formatter ()
let print_break n o = pp_print_break std_formatter n o
let force_newline () = pp_force_newline std_formatter ()
let print_newline () = pp_print_newline std_formatter ()
let print_flush () = pp_print_flush std_formatter ()
let open_box n = pp_open_box std_formatter n
let open_hbox () = pp_open_hbox std_formatter ()
let open_vbox n = pp_open_vbox std_formatter n
let open_hvbox n = pp_open_hvbox std_formatter n
let open_hovbox n = pp_open_hovbox std_formatter n
let close_box () = pp_close_box std_formatter ()

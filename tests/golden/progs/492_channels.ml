(* stdout and stderr as channels: output_string, output_char, output_bytes, flush,
   flush_all, a logger taking the channel as a parameter (stderr is not compared) *)
let log oc level msg =
  output_string oc ("[" ^ level ^ "] ");
  output_string oc msg;
  output_char oc '\n'

let () =
  log stdout "info" "starting";
  log stderr "warn" "this goes to stderr";
  output_bytes stdout (Bytes.of_string "bytes out\n");
  flush stdout;
  print_string "no newline yet";
  flush_all ();
  print_newline ();
  let outs = [ ("out", stdout); ("err", stderr) ] in
  List.iter (fun (n, oc) -> output_string oc (n ^ "\n"); flush oc) outs;
  Printf.printf "%b %b\n" (stdout == stdout) (stdout == stderr)

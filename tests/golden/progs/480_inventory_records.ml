(* Records and exceptions the way application code uses them: an inventory with
   functional updates, validation raising exceptions, totals and a report sorted by two keys *)
type category = Sensor | Actuator | Cable

type item = { sku : string; name : string; cat : category; qty : int; price_cents : int }

exception Out_of_stock of string * int
exception Unknown_sku of string

let cat_name = function Sensor -> "sensor" | Actuator -> "actuator" | Cable -> "cable"

let stock =
  ref
    [ { sku = "S-100"; name = "temp probe"; cat = Sensor; qty = 12; price_cents = 450 };
      { sku = "A-200"; name = "relay"; cat = Actuator; qty = 3; price_cents = 1299 };
      { sku = "C-010"; name = "jumper"; cat = Cable; qty = 250; price_cents = 5 };
      { sku = "S-101"; name = "humidity"; cat = Sensor; qty = 0; price_cents = 799 };
      { sku = "A-201"; name = "servo"; cat = Actuator; qty = 7; price_cents = 899 } ]

let find sku = try List.find (fun i -> i.sku = sku) !stock with Not_found -> raise (Unknown_sku sku)

let take sku n =
  let it = find sku in
  if it.qty < n then raise (Out_of_stock (sku, it.qty));
  stock := List.map (fun i -> if i.sku = sku then { i with qty = i.qty - n } else i) !stock;
  n * it.price_cents

let money c = Printf.sprintf "%d.%02d" (c / 100) (c mod 100)

let () =
  let orders = [ ("S-100", 5); ("A-200", 4); ("X-999", 1); ("C-010", 100); ("S-101", 1); ("S-100", 7); ("S-100", 1) ] in
  let total =
    List.fold_left
      (fun total (sku, n) ->
        match take sku n with
        | cost -> Printf.printf "%s x%d: %s\n" sku n (money cost); total + cost
        | exception Out_of_stock (s, have) -> Printf.printf "%s: only %d left\n" s have; total
        | exception Unknown_sku s -> Printf.printf "%s: no such item\n" s; total)
      0 orders
  in
  Printf.printf "total %s\n" (money total);
  let report = List.sort (fun a b -> compare (a.cat, - a.qty) (b.cat, - b.qty)) !stock in
  List.iter (fun i -> Printf.printf "%-8s %-6s %-10s %4d %8s\n" (cat_name i.cat) i.sku i.name i.qty (money (i.qty * i.price_cents))) report;
  let value = List.fold_left (fun acc { qty; price_cents; _ } -> acc + (qty * price_cents)) 0 !stock in
  Printf.printf "stock value %s\n" (money value);
  let empty = List.filter (fun { qty; _ } -> qty = 0) !stock in
  Printf.printf "empty: %s\n" (String.concat ", " (List.map (fun i -> i.name) empty))

(* Float: constants, arithmetic, rounding, classification, min/max with NaN and -0. *)
let pf name x = Printf.printf "%s %s\n" name (Float.to_string x)
let pb name b = Printf.printf "%s %b\n" name b

let () =
  pf "pi" Float.pi;
  pf "zero one minus_one" (Float.zero +. Float.one +. Float.minus_one);
  pf "epsilon" Float.epsilon;
  pf "max_float" Float.max_float;
  pf "min_float" Float.min_float;
  pb "infinity" (Float.infinity = infinity && Float.neg_infinity = neg_infinity);
  pb "nan is nan" (Float.is_nan Float.nan);
  pf "add" (Float.add 1.5 2.25);
  pf "sub" (Float.sub 1.5 2.25);
  pf "mul" (Float.mul 1.5 (-2.));
  pf "div" (Float.div 1. 8.);
  pf "rem" (Float.rem 7.5 2.);
  pf "rem neg" (Float.rem (-7.5) 2.);
  pf "pow" (Float.pow 2. 10.);
  pf "neg" (Float.neg 3.);
  pf "abs" (Float.abs (-3.5));
  pf "sqrt" (Float.sqrt 2.);
  pf "exp log" (Float.log (Float.exp 1.));
  pf "sin cos" (Float.sin 0. +. Float.cos 0.);
  List.iter
    (fun x ->
       Printf.printf "%g: floor %g ceil %g trunc %g round %g is_integer %b to_int %d\n" x (Float.floor x) (Float.ceil x)
         (Float.trunc x) (Float.round x) (Float.is_integer x) (Float.to_int x))
    [ 0.; 0.5; 1.5; 2.5; -0.5; -1.5; -2.5; 2.4999; -2.4999; 0.49999999999999994; 1e9 +. 0.5; -7.; 123.456 ];
  Printf.printf "round big %.1f %.1f\n" (Float.round 4503599627370495.5) (Float.round (-4503599627370495.5));
  List.iter
    (fun x ->
       Printf.printf "%s finite %b nan %b integer %b class %s\n" (Float.to_string x) (Float.is_finite x) (Float.is_nan x)
         (Float.is_integer x)
         (match Float.classify_float x with
          | FP_normal -> "normal"
          | FP_subnormal -> "subnormal"
          | FP_zero -> "zero"
          | FP_infinite -> "infinite"
          | FP_nan -> "nan"))
    [ 1.; 0.; -0.; infinity; neg_infinity; nan; 1e-310; -5e-324; max_float ];
  Printf.printf "classify_float %b\n" (classify_float 1e-320 = FP_subnormal);
  pf "of_int" (Float.of_int 42);
  pf "of_string" (Float.of_string "1e3");
  Printf.printf "of_string_opt %b %b\n" (Float.of_string_opt "x" = None) (Float.of_string_opt "2.5" = Some 2.5);
  Printf.printf "compare %d %d %d %d equal %b %b\n" (Float.compare 1. 2.) (Float.compare nan nan) (Float.compare nan 0.)
    (Float.compare 0. (-0.)) (Float.equal nan nan) (Float.equal 0. (-0.));
  let show x = if Float.is_nan x then "nan" else if x = 0. then (if Float.sign_bit x then "-0" else "+0") else Float.to_string x in
  Printf.printf "min %s %s %s %s %s\n" (show (Float.min 1. 2.)) (show (Float.min 0. (-0.))) (show (Float.min (-0.) 0.))
    (show (Float.min nan 1.)) (show (Float.min 1. nan));
  Printf.printf "max %s %s %s %s %s\n" (show (Float.max 1. 2.)) (show (Float.max 0. (-0.))) (show (Float.max (-0.) 0.))
    (show (Float.max nan 1.)) (show (Float.max 1. nan));
  let (a, b) = Float.min_max 3. (-1.) in
  let (c, d) = Float.min_max nan 1. in
  Printf.printf "min_max %s %s %s %s\n" (show a) (show b) (show c) (show d);
  Printf.printf "min_num %s %s %s max_num %s %s %s\n" (show (Float.min_num nan 1.)) (show (Float.min_num 2. nan))
    (show (Float.min_num nan nan)) (show (Float.max_num nan 1.)) (show (Float.max_num 2. nan)) (show (Float.max_num 0. (-0.)));
  Printf.printf "sign_bit %b %b %b %b\n" (Float.sign_bit (-1.)) (Float.sign_bit 1.) (Float.sign_bit (-0.)) (Float.sign_bit 0.);
  Printf.printf "copy_sign %s %s %s\n" (show (Float.copy_sign 3. (-0.))) (show (Float.copy_sign (-3.) 1.)) (show (Float.copy_sign 0. (-2.)));
  Printf.printf "hash %b\n" (Float.hash 1.5 = Hashtbl.hash 1.5);
  let l = List.sort Float.compare [ 3.; -1.; nan; 0.5; infinity ] in
  print_endline (String.concat " " (List.map show l))

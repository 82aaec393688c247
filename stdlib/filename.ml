(* SPDX-License-Identifier: MIT
   filename.ml - module Filename: file-name strings with '/' separators, as OCaml's
   Filename on Unix (pure string functions; Sense-VM has no file system). Its top-level
   string values are computed by the module initialiser, which sensec's entry code runs
   before the program (docs/sensec.md). *)
let current_dir_name = "."
let parent_dir_name = ".."
let dir_sep = "/"
let is_sep s i = String.get s i = '/'
let concat dir file =
  let l = String.length dir in
  if l = 0 || is_sep dir (l - 1) then dir ^ file else dir ^ dir_sep ^ file
let is_relative n = String.length n = 0 || String.get n 0 <> '/'
let has_prefix s p = String.length s >= String.length p && String.sub s 0 (String.length p) = p
let is_implicit n = is_relative n && not (has_prefix n "./") && not (has_prefix n "../")
let check_suffix name suff =
  let ln = String.length name and ls = String.length suff in
  ln >= ls && String.sub name (ln - ls) ls = suff
let chop_suffix name suff =
  if check_suffix name suff then String.sub name 0 (String.length name - String.length suff)
  else invalid_arg "Filename.chop_suffix"
let chop_suffix_opt ~suffix filename =
  if check_suffix filename suffix then
    Some (String.sub filename 0 (String.length filename - String.length suffix))
  else None
(* the length of the extension: from the last '.' of the last component that is not at
   its start (leading dots do not make an extension), else 0 *)
let extension_len name =
  let rec scan i =
    if i < 0 || is_sep name i then 0
    else if String.get name i = '.' then
      let rec only_dots j = if j < 0 || is_sep name j then true else String.get name j = '.' && only_dots (j - 1) in
      if only_dots (i - 1) then 0 else String.length name - i
    else scan (i - 1)
  in
  scan (String.length name - 1)
let extension name = let l = extension_len name in String.sub name (String.length name - l) l
let remove_extension name = String.sub name 0 (String.length name - extension_len name)
let chop_extension name =
  let l = extension_len name in
  if l = 0 then invalid_arg "Filename.chop_extension" else String.sub name 0 (String.length name - l)
(* index of the last non-separator at or before i, or -1 *)
let rec skip_seps s i = if i >= 0 && is_sep s i then skip_seps s (i - 1) else i
let rec skip_name s i = if i >= 0 && not (is_sep s i) then skip_name s (i - 1) else i
let basename name =
  if name = "" then current_dir_name
  else
    let e = skip_seps name (String.length name - 1) in
    if e < 0 then dir_sep
    else let b = skip_name name e in String.sub name (b + 1) (e - b)
let dirname name =
  if name = "" then current_dir_name
  else
    let e = skip_seps name (String.length name - 1) in
    if e < 0 then dir_sep
    else
      let b = skip_name name e in
      if b < 0 then current_dir_name
      else let d = skip_seps name b in if d < 0 then dir_sep else String.sub name 0 (d + 1)

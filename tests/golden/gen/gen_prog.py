#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Random program generator for the Sense-VM OCaml subset (issue 4 differential testing).

    gen_prog.py SEED [--size N]      print one program to stdout
    gen_prog.py --selftest [-n N]    check that N generated programs are accepted and run
                                     cleanly by `ocaml` (exit 77 = skipped without ocaml)

Every program is well typed, terminates, and prints a deterministic output that does not
depend on the integer width: every int expression carries a bound on its absolute value
and the generator inserts `mod` where a result could leave +-2^29, so values stay inside
Sense's 31-bit ints. Exceptions raised inside an expression are caught inside that same
expression, and every side effect (printing) is at statement level, so OCaml's unspecified
evaluation order of arguments never shows.

Constructs used: int/bool/string/char literals, arithmetic and bitwise operators, comparisons,
&& || not, ^, ::, @, |>, let / let rec / and, fun, function, if, match on ints, lists,
tuples, options, variants and records (with or-patterns, when, as, _), refs, while and for
loops, arrays, records with a mutable field, exceptions (raise / try / Division_by_zero /
Failure / Not_found), higher-order and polymorphic functions, closures, partial
application, Printf.printf / sprintf, and List / String / Array / Option / Char functions;
a module behind a signature, a functor with an exception applied twice, Map.Make and
Set.Make (with a user ordering), `match … with exception` (with guards and or-patterns),
`let exception`, local open, and optional/labelled arguments (given, omitted, passed as
?x:(Some e), recursive). Not generated until the compiler bug is fixed
(tests/golden/known/BUGS.md, docs in tests/golden/README.md): partial applications of a function
with optional parameters (B6), printed names of exceptions from a functor body (B7).
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

LIMIT = (1 << 29) - 1    # every int expression stays within +-LIMIT, so a sum or difference
                         # of two stays inside 31-bit ints
ARG = 1000               # bound assumed for the int parameters of generated functions

PREAMBLE = """\
type shape = Circle of int | Rect of int * int | Empty | Named of string * int
type pt = { px : int; mutable py : int }
exception E of int
exception Stop
let show_shape s = match s with
  | Circle r -> Printf.sprintf "Circle %d" r
  | Rect (w, h) -> Printf.sprintf "Rect (%d, %d)" w h
  | Empty -> "Empty"
  | Named (n, k) -> "Named (" ^ n ^ ", " ^ string_of_int k ^ ")"
let show_list l = "[" ^ String.concat "; " (List.map string_of_int l) ^ "]"
let show_opt o = match o with None -> "None" | Some x -> "Some " ^ string_of_int x
let id x = x
let twice f x = f (f x)
let compose f g x = f (g x)
let swap (a, b) = (b, a)
let safe_div a b = if b = 0 then 0 else a / b
"""

WORDS = ["a", "b", "xy", "foo", "bar", "Sense", "vm", "", "q z", "ok!", "Hi", "zz"]


class Gen:
    def __init__(self, seed, size=16):
        self.r = random.Random(seed)
        self.size = size
        self.n = 0
        self.funcs = []      # (name, arity, result bound, kind)
        self.modules_ready = False   # module_decls has been output: k >= 32 may use them

    # ---------------------------------------------------------------- helpers
    def fresh(self, base="v"):
        self.n += 1
        return "%s%d" % (base, self.n)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    @staticmethod
    def clip(code, bound, to):
        """An expression equal to code, with bound <= to."""
        if bound <= to:
            return code, bound
        return "(%s mod %d)" % (code, to + 1), to

    def int_lit(self, big=False):
        v = self.r.randint(-20, 100) if not big else self.r.randint(-50000, 50000)
        if v >= 0 and self.chance(0.1):
            return "0x%x" % v, v
        if v >= 1000 and self.chance(0.3):
            s = str(v)
            return s[:-3] + "_" + s[-3:], v
        return ("(%d)" % v if v < 0 else str(v)), abs(v)

    def vars_of(self, env, ty):
        return [(n, info) for (n, t, info) in env if t == ty]

    # ---------------------------------------------------------------- int
    def gen_int(self, env, d):
        """Returns (code, bound), bound <= LIMIT."""
        code, bound = self._gen_int(env, d)
        return self.clip(code, bound, LIMIT)

    def _gen_int(self, env, d):
        if d <= 0 or self.chance(0.15):
            vs = self.vars_of(env, "int")
            if vs and self.chance(0.7):
                n, b = self.pick(vs)
                return n, b
            return self.int_lit()
        k = self.r.randint(0, 37)
        if k <= 3:
            op = self.pick(["+", "-", "*", "+", "-"])
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            if op == "*":
                if ba * bb > LIMIT:
                    a, ba = self.clip(a, ba, 999)
                    b, bb = self.clip(b, bb, 999)
                return "(%s * %s)" % (a, b), ba * bb
            if ba + bb > LIMIT:
                a, ba = self.clip(a, ba, 99999)
                b, bb = self.clip(b, bb, 99999)
            return "(%s %s %s)" % (a, op, b), ba + bb
        if k == 4:
            a, ba = self.gen_int(env, d - 1)
            b, _ = self.gen_int(env, d - 1)
            op = self.pick(["/", "mod"])
            if self.chance(0.5):
                return ("(safe_div %s %s)" % (a, b), ba) if op == "/" else \
                    ("(try %s mod %s with Division_by_zero -> 0)" % (a, b), ba)
            alt, balt = self.int_lit()
            return "(try %s %s %s with Division_by_zero -> %s)" % (a, op, b, alt), max(ba, balt)
        if k == 5:
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            op = self.pick(["land", "lor", "lxor"])
            m = max(ba, bb)
            return "(%s %s %s)" % (a, op, b), 1 << m.bit_length()
        if k == 6:
            a, ba = self.gen_int(env, d - 1)
            op = self.pick(["lsl", "lsr", "asr"])
            s = self.r.randint(0, 4)
            if op == "lsl":
                a, ba = self.clip(a, ba, 9999)
                return "(%s lsl %d)" % (a, s), ba << s
            if op == "lsr":
                return "(abs %s lsr %d)" % (a, s), ba
            return "(%s asr %d)" % (a, s), ba
        if k == 7:
            c = self.gen_bool(env, d - 1)
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            return "(if %s then %s else %s)" % (c, a, b), max(ba, bb)
        if k == 8:
            x = self.fresh("x")
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env + [(x, "int", ba)], d - 1)
            return "(let %s = %s in %s)" % (x, a, b), bb
        if k == 9 and self.chance(0.3):
            # or-pattern under a guard, with alternatives binding x to different values
            o1, b1 = self.gen_option(env, d - 1)
            o2, b2 = self.gen_option(env, d - 1)
            x, y = self.fresh("x"), self.fresh("y")
            k2, _ = self.gen_int(env, d - 1)
            e1, c1 = self.gen_int(env + [(x, "int", max(b1, b2))], d - 1)
            e2, c2 = self.gen_int(env + [(x, "int", b1), (y, "int", b2)], d - 1)
            e3, c3 = self.gen_int(env, d - 1)
            return ("(match (%s, %s) with (Some %s, _) | (_, Some %s) when %s > %s -> %s | (Some %s, Some %s) -> %s | _ -> %s)"
                    % (o1, o2, x, x, x, k2, e1, x, y, e2, e3)), max(c1, c2, c3)
        if k == 9:
            o = self.gen_option(env, d - 1)
            x = self.fresh("x")
            a, ba = self.gen_int(env + [(x, "int", 1000)], d - 1)
            b, bb = self.gen_int(env, d - 1)
            if self.chance(0.5):
                return "(match %s with Some %s -> %s | None -> %s)" % (o[0], x, a, b), max(ba, bb)
            return "(match %s with None -> %s | Some %s -> %s)" % (o[0], b, x, a), max(ba, bb)
        if k == 10:
            l, eb, lb = self.gen_list(env, d - 1)
            x, t = self.fresh("h"), self.fresh("t")
            a, ba = self.gen_int(env + [(x, "int", eb), (t, "list", (eb, lb))], d - 1)
            b, bb = self.gen_int(env, d - 1)
            if self.chance(0.3):
                y = self.fresh("y")
                a, ba = self.gen_int(env + [(x, "int", eb)], d - 1)
                c, bc = self.gen_int(env + [(x, "int", eb), (y, "int", eb)], d - 1)
                return ("(match %s with [] -> %s | [%s] -> %s | %s :: %s :: _ -> %s)"
                        % (l, b, x, a, x, y, c), max(ba, bb, bc))
            return "(match %s with [] -> %s | %s :: %s -> %s)" % (l, b, x, t, a), max(ba, bb)
        if k == 11:
            p = self.gen_pair(env, d - 1)
            a, b = self.fresh("a"), self.fresh("b")
            e, be = self.gen_int(env + [(a, "int", p[1]), (b, "int", p[1])], d - 1)
            return "(let (%s, %s) = %s in %s)" % (a, b, p[0], e), be
        if k == 12:
            return self.gen_shape_match(env, d)
        if k == 13:
            s = self.gen_string(env, d - 1)
            return self.pick([("(String.length %s)" % s, 100000),
                              ("(match String.index_opt %s 'a' with Some i -> i | None -> -1)" % s, 100000)])
        if k == 14:
            l, eb, lb = self.gen_list(env, d - 1)
            choice = self.r.randint(0, 3)
            if choice == 0:
                return "(List.length %s)" % l, lb
            if choice == 1 and eb * lb <= LIMIT:
                return "(List.fold_left ( + ) 0 %s)" % l, eb * lb
            if choice == 2:
                return "(List.fold_left max 0 %s)" % l, eb
            x = self.fresh("x")
            return "(List.fold_left (fun acc %s -> (acc + %s) mod 1000) 0 %s)" % (x, x, l), 999
        if k == 15 and self.funcs:
            name, arity, bound, _ = self.pick(self.funcs)
            args = []
            for _ in range(arity):
                a, ba = self.gen_int(env, d - 1)
                a, ba = self.clip(a, ba, ARG)
                args.append(a)
            return "(%s %s)" % (name, " ".join(args)), bound
        if k == 16:
            a, ba = self.gen_int(env, d - 1)
            f = self.pick(["abs", "succ", "pred", "id"])
            return "(%s %s)" % (f, a), ba + 1
        if k == 17:
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            return "(%s %s %s)" % (self.pick(["min", "max"]), a, b), max(ba, bb)
        if k == 18:
            # refs and a for loop
            r, i = self.fresh("r"), self.fresh("i")
            lo = self.r.randint(-3, 3)
            hi = lo + self.r.randint(-1, 8)
            body, bb = self.gen_int(env + [(i, "int", 12)], d - 1)
            body, bb = self.clip(body, bb, 9999)
            direction = "to" if self.chance(0.7) else "downto"
            if direction == "downto":
                lo, hi = hi, lo
            return ("(let %s = ref 0 in for %s = %d %s %d do %s := (!%s + %s) mod 100003 done; !%s)"
                    % (r, i, lo, direction, hi, r, r, body, r)), 100002
        if k == 19:
            # while loop counting down
            r, c = self.fresh("r"), self.fresh("c")
            n = self.r.randint(0, 12)
            body, bb = self.gen_int(env + [(c, "ref", None)], d - 1)
            body, bb = self.clip(body, bb, 9999)
            return ("(let %s = ref %d and %s = ref 0 in while !%s > 0 do %s := (!%s * 3 + %s) mod 10007; decr %s done; !%s)"
                    % (c, n, r, c, r, r, body, c, r)), 10006
        if k == 20:
            # exceptions
            c = self.gen_bool(env, d - 1)
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            x = self.fresh("x")
            kind = self.r.randint(0, 3)
            if kind == 0:
                return ("(try (if %s then raise (E %s) else %s) with E %s -> %s + 1)"
                        % (c, a, b, x, x)), max(ba + 1, bb)
            if kind == 1:
                return ("(try (if %s then failwith \"f\" else %s) with Failure _ -> %s)" % (c, a, b)), max(ba, bb)
            if kind == 2:
                l, eb, lb = self.gen_list(env, d - 1)
                return ("(try List.find (fun %s -> %s > %s) %s with Not_found -> %s)" % (x, x, a, l, b)), max(eb, bb)
            return ("(try (if %s then raise Stop else %s) with Stop -> %s | E _ -> 0)" % (c, a, b)), max(ba, bb)
        if k == 21:
            # closures and higher-order functions
            x = self.fresh("x")
            body, bb = self.gen_int(env + [(x, "int", ARG)], d - 1)
            body, bb = self.clip(body, bb, ARG)
            a, ba = self.gen_int(env, d - 1)
            a, ba = self.clip(a, ba, ARG)
            form = self.r.randint(0, 3)
            if form == 0:
                return "(twice (fun %s -> %s) %s)" % (x, body, a), ARG
            if form == 1:
                return "((fun %s -> %s) %s)" % (x, body, a), ARG
            if form == 2:
                f = self.fresh("f")
                return "(let %s %s = %s in %s (%s %s))" % (f, x, body, f, f, a), ARG
            return "(%s |> (fun %s -> %s))" % (a, x, body), ARG
        if k == 22:
            # records with a mutable field
            p = self.fresh("p")
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            a, ba = self.clip(a, ba, 9999)
            b, bb = self.clip(b, bb, 9999)
            c, bc = self.gen_int(env, d - 1)
            c, bc = self.clip(c, bc, 9999)
            return ("(let %s = { px = %s; py = %s } in %s.py <- %s.py + %s; %s.px - %s.py)"
                    % (p, a, b, p, p, c, p, p)), ba + bb + bc
        if k == 23:
            # arrays
            a = self.fresh("arr")
            n = self.r.randint(1, 8)
            i = self.fresh("i")
            init, bi = self.gen_int(env + [(i, "int", n)], d - 1)
            init, bi = self.clip(init, bi, 9999)
            j = self.r.randint(0, n - 1)
            v, bv = self.gen_int(env, d - 1)
            v, bv = self.clip(v, bv, 9999)
            return ("(let %s = Array.init %d (fun %s -> %s) in %s.(%d) <- %s; Array.fold_left ( + ) 0 %s)"
                    % (a, n, i, init, a, j, v, a)), n * max(bi, bv)
        if k == 24:
            s = self.gen_string(env, d - 1)
            form = self.r.randint(0, 3)
            if form == 0:
                return "(if String.length %s > 0 then Char.code (String.get %s 0) else 0)" % (s, s), 255
            if form == 1:
                i = self.clip(*self.gen_int(env, d - 1), 20)[0]
                return "(try Char.code %s.[%s] with Invalid_argument _ -> -1)" % (s, i), 255
            if form == 2:
                lit = self.pick(['"12"', '"-7"', '"0x1f"', '"abc"', '""', '"1_000"', '" 5"', '"0b11"', '"+3"', '"0o17"'])
                alt, balt = self.int_lit()
                if self.chance(0.5):
                    a, ba = self.gen_int(env, d - 1)
                    return "(try int_of_string (string_of_int %s) with Failure _ -> %s)" % (a, alt), max(ba, balt)
                return "(try int_of_string %s with Failure _ -> %s)" % (lit, alt), max(1000, balt)
            l, eb, _ = self.gen_list(env, d - 1)
            i = self.clip(*self.gen_int(env, d - 1), 8)[0]
            return "(try List.nth %s %s with Failure _ -> -2 | Invalid_argument _ -> -3)" % (l, i), max(eb, 3)
        if k == 25:
            a = self.gen_any_comparable(env, d - 1)
            b = self.gen_typed(a[1], env, d - 1)
            return "(compare %s %s)" % (a[0], b), 1
        if k == 26:
            # match on int constants with or-patterns and guards
            a, ba = self.gen_int(env, d - 1)
            x = self.fresh("n")
            r1, b1 = self.gen_int(env, d - 1)
            r2, b2 = self.gen_int(env + [(x, "int", ba)], d - 1)
            r3, b3 = self.gen_int(env, d - 1)
            c1, c2, c3 = (self.r.randint(-2, 5) for _ in range(3))
            return ("(match %s with %d | %d -> %s | %s when %s > %d -> %s | _ -> %s)"
                    % (a, c1, c2 if c2 != c1 else c1 + 10, r1, x, x, c3, r2, r3)), max(b1, b2, b3)
        if k == 28:
            # local mutual recursion
            ev, od, n = self.fresh("ev"), self.fresh("od"), self.fresh("n")
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env + [(n, "int", 50)], d - 1)
            x, _ = self.gen_int(env, d - 1)
            return ("(let rec %s %s = if %s <= 0 then %s else %s (%s - 1) and %s %s = if %s <= 0 then %s else %s (%s - 1) in %s (abs %s mod 50))"
                    % (ev, n, n, a, od, n, od, n, n, b, ev, n, ev, x)), max(ba, bb)
        if k == 29:
            # string patterns
            sv = self.gen_string(env, d - 1)
            s2 = self.fresh("s")
            e1, b1 = self.gen_int(env, d - 1)
            e2, b2 = self.gen_int(env, d - 1)
            e3, b3 = self.gen_int(env + [(s2, "string", None)], d - 1)
            e4, b4 = self.gen_int(env, d - 1)
            return ('(match %s with "foo" | "bar" -> %s | "" -> %s | %s when String.length %s > 3 -> %s | _ -> %s)'
                    % (sv, e1, e2, s2, s2, e3, e4)), max(b1, b2, b3, b4)
        if k == 30:
            # function keyword, as-pattern
            l, eb, lb = self.gen_list(env, d - 1)
            x, y, t = self.fresh("x"), self.fresh("y"), self.fresh("t")
            e1, b1 = self.gen_int(env, d - 1)
            e2, b2 = self.gen_int(env + [(x, "int", eb)], d - 1)
            e3, b3 = self.gen_int(env + [(x, "int", eb), (y, "int", eb), (t, "list", (eb, lb))], d - 1)
            return ("((function [] -> %s | [%s] -> %s | %s :: (%s :: _ as %s) -> %s) %s)"
                    % (e1, x, e2, x, y, t, e3, l)), max(b1, b2, b3)
        if k == 31:
            # char patterns
            sv = self.gen_string(env, d - 1)
            c = self.fresh("c")
            e1, b1 = self.gen_int(env, d - 1)
            e3, b3 = self.gen_int(env, d - 1)
            return ("(match (if String.length %s > 0 then %s.[0] else 'x') with 'a' | 'e' | 'o' -> %s | %s when %s > 'm' -> Char.code %s | _ -> %s)"
                    % (sv, sv, e1, c, c, c, e3)), max(b1, 255, b3)
        if k >= 32 and self.modules_ready:
            r = self.gen_module_int(env, d, k)
            if r is not None:
                return r
        # tail-recursive loop
        f, i, acc = self.fresh("loop"), self.fresh("i"), self.fresh("acc")
        n = self.r.randint(0, 30)
        body, bb = self.gen_int(env + [(i, "int", 30), (acc, "int", 10006)], d - 1)
        body, bb = self.clip(body, bb, 99999)
        return ("(let rec %s %s %s = if %s <= 0 then %s else %s (%s - 1) ((%s + %s) mod 10007) in %s %d 0)"
                % (f, i, acc, i, acc, f, i, acc, body, f, n)), 10006 + 99999

    def gen_shape(self, env, d):
        k = self.r.randint(0, 3)
        if k == 0:
            a, ba = self.gen_int(env, d - 1)
            return "(Circle %s)" % self.clip(a, ba, ARG)[0]
        if k == 1:
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            return "(Rect (%s, %s))" % (self.clip(a, ba, ARG)[0], self.clip(b, bb, ARG)[0])
        if k == 2:
            return "Empty"
        a, ba = self.gen_int(env, d - 1)
        return "(Named (%s, %s))" % (self.gen_string(env, d - 1), self.clip(a, ba, ARG)[0])

    def gen_shape_match(self, env, d):
        s = self.gen_shape(env, d - 1)
        r, w, h, n, k = (self.fresh(c) for c in "rwhnk")
        e1, b1 = self.gen_int(env + [(r, "int", ARG)], d - 1)
        e2, b2 = self.gen_int(env + [(w, "int", ARG), (h, "int", ARG)], d - 1)
        e3, b3 = self.gen_int(env, d - 1)
        e4, b4 = self.gen_int(env + [(k, "int", ARG), (n, "string", None)], d - 1)
        if self.chance(0.5):
            return ("(match %s with Circle %s -> %s | Rect (%s, %s) -> %s | Empty -> %s | Named (%s, %s) -> %s)"
                    % (s, r, e1, w, h, e2, e3, n, k, e4)), max(b1, b2, b3, b4)
        return ("(match %s with Circle %s | Named (_, %s) -> %s | Rect (%s, _) when %s > 0 -> %s | _ -> %s)"
                % (s, r, r, e1, r, r, e1, e3)), max(b1, b3)

    # ---------------------------------------------------------------- other types
    def gen_bool(self, env, d):
        if d <= 0 or self.chance(0.1):
            vs = self.vars_of(env, "bool")
            if vs and self.chance(0.5):
                return self.pick(vs)[0]
            return self.pick(["true", "false"])
        k = self.r.randint(0, 9)
        if k <= 2:
            a, _ = self.gen_int(env, d - 1)
            b, _ = self.gen_int(env, d - 1)
            return "(%s %s %s)" % (a, self.pick(["=", "<>", "<", ">", "<=", ">="]), b)
        if k == 3:
            return "(%s %s %s)" % (self.gen_bool(env, d - 1), self.pick(["&&", "||"]), self.gen_bool(env, d - 1))
        if k == 4:
            return "(not %s)" % self.gen_bool(env, d - 1)
        if k == 5:
            a = self.gen_string(env, d - 1)
            b = self.gen_string(env, d - 1)
            return self.pick(["(%s = %s)", "(%s < %s)", "(String.equal %s %s)", "(%s <> %s)"]) % (a, b)
        if k == 6:
            l = self.gen_list(env, d - 1)[0]
            a, _ = self.gen_int(env, d - 1)
            x = self.fresh("x")
            return self.pick(["(List.mem %s %s)" % (a, l),
                              "(List.exists (fun %s -> %s > %s) %s)" % (x, x, a, l),
                              "(List.for_all (fun %s -> %s <> %s) %s)" % (x, x, a, l)])
        if k == 7:
            a = self.gen_list(env, d - 1)[0]
            b = self.gen_list(env, d - 1)[0]
            return "(%s %s %s)" % (a, self.pick(["=", "<", ">=", "<>"]), b)
        if k == 8:
            o = self.gen_option(env, d - 1)[0]
            return self.pick(["(Option.is_some %s)", "(Option.is_none %s)", "(%s = None)"]) % o
        a = self.gen_shape(env, d - 1)
        b = self.gen_shape(env, d - 1)
        return "(%s %s %s)" % (a, self.pick(["=", "<>", "<"]), b)

    def str_lit(self):
        w = self.pick(WORDS)
        if self.chance(0.1):
            w += self.pick(["\\n", "\\t", "\\\"", "\\\\"])
        return '"%s"' % w

    def gen_string(self, env, d):
        if d <= 0 or self.chance(0.15):
            vs = self.vars_of(env, "string")
            if vs and self.chance(0.5):
                return self.pick(vs)[0]
            return self.str_lit()
        k = self.r.randint(0, 9)
        if k <= 1:
            return "(%s ^ %s)" % (self.gen_string(env, d - 1), self.gen_string(env, d - 1))
        if k == 2:
            if self.chance(0.3):
                c = self.gen_int(env, d - 1)[0]
                return "(String.make %d (Char.chr (abs %s mod 256)))" % (self.r.randint(1, 3), c)
            return "(string_of_int %s)" % self.gen_int(env, d - 1)[0]
        if k == 3:
            return "(if %s then %s else %s)" % (self.gen_bool(env, d - 1), self.gen_string(env, d - 1),
                                               self.gen_string(env, d - 1))
        if k == 4:
            return "(String.make %d %s)" % (self.r.randint(0, 5), self.pick(["'a'", "'-'", "'Z'", "' '", "'\\''"]))
        if k == 5:
            l = self.gen_list(env, d - 1)[0]
            return "(String.concat %s (List.map string_of_int %s))" % (self.pick(['","', '" "', '""', '"; "']), l)
        if k == 6:
            return "(%s %s)" % (self.pick(["String.uppercase_ascii", "String.lowercase_ascii", "id"]),
                                self.gen_string(env, d - 1))
        if k == 7:
            a, _ = self.gen_int(env, d - 1)
            return "(Printf.sprintf \"%s\" (abs %s) %s)" % (self.pick(["<%d|%s>", "%5d:%s", "%-4d%s", "%x/%s"]),
                                                            a, self.gen_string(env, d - 1))
        if k == 8:
            s = self.gen_string(env, d - 1)
            v = self.fresh("s")
            return "(let %s = %s in if String.length %s >= 2 then String.sub %s 1 (String.length %s - 1) else %s)" % (
                v, s, v, v, v, v)
        return "(show_shape %s)" % self.gen_shape(env, d - 1)

    def gen_list(self, env, d):
        """Returns (code, element bound <= LIMIT, length bound)."""
        code, eb, lb = self._gen_list(env, d)
        if eb > LIMIT:
            return "(List.map (fun z -> z mod %d) %s)" % (LIMIT + 1, code), LIMIT, lb
        return code, eb, lb

    def _gen_list(self, env, d):
        if d <= 0 or self.chance(0.15):
            vs = self.vars_of(env, "list")
            if vs and self.chance(0.5):
                n, (eb, lb) = self.pick(vs)
                return n, eb, lb
            n = self.r.randint(0, 6)
            items = [self.int_lit() for _ in range(n)]
            return "[" + "; ".join(c for c, _ in items) + "]", max([b for _, b in items] + [0]), n
        k = self.r.randint(0, 9)
        if k == 0:
            a, ba = self.gen_int(env, d - 1)
            l, eb, lb = self.gen_list(env, d - 1)
            return "(%s :: %s)" % (a, l), max(ba, eb), lb + 1
        if k == 1:
            a, ea, la = self.gen_list(env, d - 1)
            b, eb, lb = self.gen_list(env, d - 1)
            return "(%s @ %s)" % (a, b), max(ea, eb), la + lb
        if k == 2:
            l, eb, lb = self.gen_list(env, d - 1)
            x = self.fresh("x")
            body, bb = self.gen_int(env + [(x, "int", eb)], d - 1)
            return "(List.map (fun %s -> %s) %s)" % (x, body, l), bb, lb
        if k == 3:
            l, eb, lb = self.gen_list(env, d - 1)
            x = self.fresh("x")
            c = self.gen_bool(env + [(x, "int", eb)], d - 1)
            return "(List.filter (fun %s -> %s) %s)" % (x, c, l), eb, lb
        if k == 4:
            l, eb, lb = self.gen_list(env, d - 1)
            return "(%s %s)" % (self.pick(["List.rev", "List.sort compare", "List.stable_sort (fun a b -> compare b a)", "id"]), l), eb, lb
        if k == 5:
            n = self.r.randint(0, 12)
            i = self.fresh("i")
            body, bb = self.gen_int(env + [(i, "int", n)], d - 1)
            return "(List.init %d (fun %s -> %s))" % (n, i, body), bb, n
        if k == 6:
            l, eb, lb = self.gen_list(env, d - 1)
            x = self.fresh("x")
            return ("(List.filter_map (fun %s -> if %s mod 2 = 0 then Some (%s / 2) else None) %s)"
                    % (x, x, x, l)), eb, lb
        if k == 7:
            l, eb, lb = self.gen_list(env, d - 1)
            return "(%s |> List.rev_map (fun x -> x + 1) |> List.rev)" % l, eb + 1, lb
        if k == 8:
            c = self.gen_bool(env, d - 1)
            a, ea, la = self.gen_list(env, d - 1)
            b, eb, lb = self.gen_list(env, d - 1)
            return "(if %s then %s else %s)" % (c, a, b), max(ea, eb), max(la, lb)
        l, eb, lb = self.gen_list(env, d - 1)
        x = self.fresh("x")
        return ("(match %s with [] -> [] | %s :: _ as all -> List.map (fun y -> y - %s) all)"
                % (l, x, x)), 2 * eb, lb

    def gen_option(self, env, d):
        if d <= 0 or self.chance(0.2):
            if self.chance(0.3):
                return "None", 0
            a, ba = self.gen_int(env, d - 1)
            a, ba = self.clip(a, ba, ARG)
            return "(Some %s)" % a, ba
        k = self.r.randint(0, 2)
        if k == 0:
            l, eb, lb = self.gen_list(env, d - 1)
            a, _ = self.gen_int(env, d - 1)
            x = self.fresh("x")
            return self.clip_opt("(List.find_opt (fun %s -> %s > %s) %s)" % (x, x, a, l), eb)
        if k == 1:
            o, bo = self.gen_option(env, d - 1)
            x = self.fresh("x")
            body, bb = self.gen_int(env + [(x, "int", bo)], d - 1)
            return self.clip_opt("(Option.map (fun %s -> %s) %s)" % (x, body, o), bb)
        o, bo = self.gen_option(env, d - 1)
        x = self.fresh("x")
        return "(Option.bind %s (fun %s -> if %s > 0 then Some (%s - 1) else None))" % (o, x, x, x), bo

    def clip_opt(self, code, bound):
        if bound <= ARG:
            return code, bound
        return "(Option.map (fun z -> z mod %d) %s)" % (ARG + 1, code), ARG

    def gen_pair(self, env, d):
        """Returns (code, bound of both components)."""
        if d <= 0 or self.chance(0.6):
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            return "(%s, %s)" % (a, b), max(ba, bb)
        p, bp = self.gen_pair(env, d - 1)
        return "(swap %s)" % p, bp

    def gen_any_comparable(self, env, d):
        ty = self.pick(["int", "string", "list", "bool", "option", "pair"])
        return self.gen_typed(ty, env, d), ty

    def gen_typed(self, ty, env, d):
        if ty == "int":
            return self.gen_int(env, d)[0]
        if ty == "string":
            return self.gen_string(env, d)
        if ty == "list":
            return self.gen_list(env, d)[0]
        if ty == "bool":
            return self.gen_bool(env, d)
        if ty == "option":
            return self.gen_option(env, d)[0]
        return self.gen_pair(env, d)[0]

    # ---------------------------------------------------------------- top level
    def gen_function(self):
        name = self.fresh("f")
        kind = self.r.randint(0, 3)
        if kind == 0:
            body, b = self.gen_int([("x", "int", ARG), ("y", "int", ARG)], 3)
            body, b = self.clip(body, b, LIMIT // 4)
            self.funcs.append((name, 2, b, "plain"))
            return "let %s x y = %s\n" % (name, body)
        if kind == 1:
            # a local non-tail recursive closure, depth < 16; its step calls no other function
            saved, self.funcs = self.funcs, []
            step, bs = self.gen_int([("n", "int", 16), ("r", "int", 10006), ("x", "int", ARG)], 2)
            self.funcs = saved
            step, bs = self.clip(step, bs, 99999)
            self.funcs.append((name, 1, 10006, "rec"))
            return ("let %s x =\n  let rec go n = if n <= 0 then %d else (let r = go (n - %d) in (r + %s) mod 10007) in\n"
                    "  go (abs x mod 16)\n" % (name, self.r.randint(0, 9), self.r.randint(1, 3), step))
        if kind == 2:
            g = self.fresh("g")
            body, b = self.gen_int([("x", "int", ARG)], 3)
            body, b = self.clip(body, b, 99999)
            self.funcs.append((name, 1, max(b, 50), "function"))
            return ("let %s x = %s\nlet %s = function\n  | 0 -> %d\n  | (1 | 2) as k -> %s (k * 7)\n"
                    "  | x when x < 0 -> %s (- (x mod %d))\n  | x -> %s x\n"
                    % (g, body, name, self.r.randint(0, 50), g, g, ARG + 1, g))
        body, b = self.gen_int([("x", "int", ARG), ("y", "int", ARG)], 2)
        body, b = self.clip(body, b, ARG)
        self.funcs.append((name, 2, ARG, "mutual"))
        h = self.fresh("h")
        return ("let rec %s x y = if x <= 0 then %s else %s (x - 1) y\n"
                "and %s x y = if x <= 0 then y mod %d else %s (x - 1) ((y + %s) mod %d)\n"
                % (name, body, h, h, ARG + 1, name, self.int_lit()[0], ARG + 1))

    def gen_stmt(self, env):
        ty = self.pick(["int", "int", "int", "bool", "string", "list", "option", "pair", "shape", "let", "let",
                        "loop", "iter_exn", "local_fn", "poly", "nested_match", "printf", "array", "compound",
                        "escape", "record", "deep", "closures", "string_ops", "map_set", "exn_match"])
        d = self.r.randint(1, 4)
        if ty == "int":
            e = self.gen_int(env, d)[0]
            return self.pick(["  print_int %s; print_newline ();\n", "  Printf.printf \"%%d\\n\" %s;\n",
                              "  print_endline (string_of_int %s);\n", "  Printf.printf \"[%%6d]\\n\" %s;\n"]) % e
        if ty == "bool":
            return "  Printf.printf \"%%b\\n\" %s;\n" % self.gen_bool(env, d)
        if ty == "string":
            return self.pick(["  print_endline %s;\n", "  Printf.printf \"%%s|\\n\" %s;\n"]) % self.gen_string(env, d)
        if ty == "list":
            return "  print_endline (show_list %s);\n" % self.gen_list(env, d)[0]
        if ty == "option":
            return "  print_endline (show_opt %s);\n" % self.gen_option(env, d)[0]
        if ty == "pair":
            return "  (let (a, b) = %s in Printf.printf \"(%%d, %%d)\\n\" a b);\n" % self.gen_pair(env, d)[0]
        if ty == "shape":
            return "  print_endline (show_shape %s);\n" % self.gen_shape(env, d)
        if ty == "loop":
            i = self.fresh("i")
            lo = self.r.randint(-3, 3)
            hi = lo + self.r.randint(-1, 6)
            body = self.gen_int(env + [(i, "int", 12)], d)[0]
            if self.chance(0.5):
                return ("  for %s = %d to %d do Printf.printf \"%%d \" %s done;\n  print_newline ();\n"
                        % (i, lo, hi, body))
            c = self.fresh("c")
            return ("  (let %s = ref (%d) in while !%s > %d do (let %s = !%s in Printf.printf \"<%%d>\" %s); decr %s done);\n"
                    "  print_newline ();\n" % (c, hi, c, lo, i, c, body, c))
        if ty == "iter_exn":
            l = self.gen_list(env, d)[0]
            k, _ = self.gen_int(env, d - 1)
            x, v = self.fresh("x"), self.fresh("v")
            return ("  (try List.iter (fun %s -> if %s > %s then raise (E %s) else Printf.printf \"%%d,\" %s) %s;\n"
                    "     print_string \"end\" with E %s -> Printf.printf \"stop %%d\" %s);\n  print_newline ();\n"
                    % (x, x, k, x, x, l, v, v))
        if ty == "local_fn":
            f, a, b, c = self.fresh("h"), self.fresh("a"), self.fresh("b"), self.fresh("c")
            body, _ = self.gen_int(env + [(a, "int", ARG), (b, "int", ARG), (c, "int", ARG)], d)
            args = [self.clip(*self.gen_int(env, d - 1), ARG)[0] for _ in range(3)]
            p = self.fresh("p")
            return ("  (let %s %s %s %s = %s in\n   let %s = %s %s in\n   Printf.printf \"%%d %%d %%d\\n\" (%s %s %s %s) (%s %s %s) (List.fold_left (fun acc g -> (acc + g %s) mod 10007) 0 [%s %s; %s %s]));\n"
                    % (f, a, b, c, body, p, f, args[0], f, args[0], args[1], args[2], p, args[1], args[2],
                       args[2], p, args[1], f, args[2] + " " + args[0]))
        if ty == "poly":
            f = self.fresh("pick")
            b = self.gen_bool(env, d)
            s1, s2 = self.gen_string(env, d - 1), self.gen_string(env, d - 1)
            i1, i2 = self.gen_int(env, d - 1)[0], self.gen_int(env, d - 1)[0]
            l1, l2 = self.gen_list(env, d - 1)[0], self.gen_list(env, d - 1)[0]
            return ("  (let %s c x y = if c then x else y in\n   print_endline (%s %s %s %s);\n"
                    "   Printf.printf \"%%d %%s %%b\\n\" (%s (not %s) %s %s) (show_list (%s %s %s %s)) (%s %s true false));\n"
                    % (f, f, b, s1, s2, f, b, i1, i2, f, b, l1, l2, f, b))
        if ty == "nested_match":
            l, eb, _ = self.gen_list(env, d - 1)
            o, ob = self.gen_option(env, d - 1)
            x, y, r = self.fresh("x"), self.fresh("y"), self.fresh("rest")
            k, _ = self.gen_int(env, d - 1)
            e1 = self.gen_int(env + [(x, "int", eb), (y, "int", ob)], d - 1)[0]
            e2 = self.gen_int(env + [(r, "list", (eb, 64))], d - 1)[0]
            e3 = self.gen_int(env, d - 1)[0]
            return ("  Printf.printf \"%%s\\n\" (match (%s, %s) with\n"
                    "    | ([], None) -> \"empty/none\"\n"
                    "    | (%s :: _, Some %s) when %s > %s -> \"gt \" ^ string_of_int %s\n"
                    "    | (_ :: (_ :: _ as %s), (Some _ | None)) -> \"rest \" ^ string_of_int %s\n"
                    "    | ([_], _) -> \"short \" ^ string_of_int %s\n"
                    "    | ([], Some _) as whole -> (match whole with (_, o) -> show_opt o));\n"
                    % (l, o, x, y, x, k, e1, r, e2, e3))
        if ty == "printf":
            a, b = self.gen_int(env, d - 1)[0], self.gen_int(env, d - 1)[0]
            s1 = self.gen_string(env, d - 1)
            fmt = self.pick(["[%5d|%-5d]", "%05d%%%d", "<%i> <%d>", "%-6d|%6d"])
            return ("  Printf.printf \"%s %%s %%c %%b %%x\\n\" %s %s %s (if String.length %s > 0 then %s.[0] else '?') (%s > %s) (abs %s);\n"
                    % (fmt, a, b, s1, s1, s1, a, b, a))
        if ty == "array":
            n = self.r.randint(1, 7)
            a, b2 = self.fresh("arr"), self.fresh("brr")
            i = self.fresh("i")
            init = self.clip(*self.gen_int(env + [(i, "int", n)], d - 1), 9999)[0]
            v = self.clip(*self.gen_int(env, d - 1), 9999)[0]
            j = self.r.randint(0, n - 1)
            ln = self.r.randint(0, n - j)
            return ("  (let %s = Array.init %d (fun %s -> %s) in\n   let %s = Array.map (fun x -> x * 2) %s in\n"
                    "   Array.blit %s 0 %s %d %d; Array.fill %s 0 %d %s;\n"
                    "   let c = Array.copy %s in c.(%d) <- c.(%d) + 1;\n"
                    "   Array.iteri (fun i x -> Printf.printf \"%%d:%%d \" i x) %s;\n"
                    "   Printf.printf \"| %%s %%d %%b\\n\" (show_list (Array.to_list c)) (Array.fold_left max 0 %s) (Array.to_list %s = Array.to_list c));\n"
                    % (a, n, i, init, b2, a, a, b2, j, ln, a, self.r.randint(0, n), v, b2, j, j, a, b2, b2))
        if ty == "compound":
            t = self.gen_ctype(2)
            v1 = self.gen_cvalue(t, env, 2)
            v2 = self.gen_cvalue(t, env, 2) if self.chance(0.6) else v1
            return ("  (let v1 = %s and v2 = %s in Printf.printf \"%%b %%b %%d %%b %%b\\n\" (v1 = v2) (v1 <> v2) (compare v1 v2) (v1 < v2) (max v1 v2 = v1));\n"
                    % (v1, v2))
        if ty == "escape":
            f = self.fresh("check")
            x = self.fresh("x")
            k, _ = self.gen_int(env, d - 1)
            body = self.gen_int(env + [(x, "int", ARG)], d - 1)[0]
            arg = self.clip(*self.gen_int(env, d - 1), ARG)[0]
            exn = self.pick(["raise (E %s)" % x, "failwith (string_of_int %s)" % x, "raise Not_found",
                             "invalid_arg \"bad\"", "raise Stop"])
            return ("  (let %s %s = if %s > %s then %s else %s in\n"
                    "   let wrap y = 1 + %s y in\n"
                    "   try Printf.printf \"%%d\\n\" (wrap %s) with\n"
                    "   | E n -> Printf.printf \"E %%d\\n\" n | Failure m -> print_endline (\"Failure \" ^ m)\n"
                    "   | Not_found -> print_endline \"Not_found\" | Invalid_argument m -> print_endline m | Stop -> print_endline \"Stop\");\n"
                    % (f, x, x, k, exn, body, f, arg))
        if ty == "record":
            a, b = (self.clip(*self.gen_int(env, d - 1), 9999)[0] for _ in range(2))
            c = self.clip(*self.gen_int(env, d - 1), 9999)[0]
            return ("  (let r = { px = %s; py = %s } in let r2 = { r with px = %s } in r.py <- r.py + 1;\n"
                    "   Printf.printf \"%%d %%d %%d %%d %%b %%b\\n\" r.px r.py r2.px r2.py (r = r2) (r.px = r2.px));\n" % (a, b, c))
        if ty == "deep":
            f = self.fresh("deep")
            n = self.r.randint(1000, 6000)
            return ("  (let rec %s l = match l with [] -> 0 | x :: t -> (x mod %d) + %s t in\n"
                    "   Printf.printf \"%%d\\n\" (%s (List.init %d (fun i -> i * %d))));\n"
                    % (f, self.r.randint(2, 100), f, f, n, self.r.randint(1, 50)))
        if ty == "closures":
            l, eb, _ = self.gen_list(env, d - 1)
            k = self.fresh("k")
            c = self.clip(*self.gen_int(env, d - 1), 999)[0]
            return ("  (let fs = List.map (fun %s -> let m = %s mod 100 in fun x -> x * m + %s) %s in\n"
                    "   Printf.printf \"%%d %%d\\n\" (List.length fs) (List.fold_left (fun acc f -> (acc + f 3) mod 10007) 0 fs));\n"
                    % (k, k, c, l))
        if ty == "string_ops":
            s1 = self.gen_string(env, d - 1)
            s2 = self.gen_string(env, d - 1)
            ch = self.pick(["'a'", "'o'", "' '", "'z'", "'S'"])
            return ("  (let s = %s and t = %s in\n"
                    "   Printf.printf \"%%d %%d %%b %%b %%s %%s %%s\\n\" (String.length s) (String.compare s t) (String.equal s t) (String.contains s %s)\n"
                    "     (match String.index_opt s %s with Some i -> String.sub s i (String.length s - i) | None -> \"-\")\n"
                    "     (String.concat \"/\" [s; t; String.make 2 %s]) (String.uppercase_ascii (s ^ t)));\n"
                    % (s1, s2, ch, ch, ch))
        if ty == "map_set":
            l = self.gen_list(env, d)[0]
            x = self.fresh("x")
            v, _ = self.gen_int(env + [(x, "int", LIMIT)], d - 1)
            return ("  (let m = List.fold_left (fun m %s -> IM.add (%s mod 20) %s m) IM.empty %s in\n"
                    "   let s = IS.of_list %s in\n"
                    "   Printf.printf \"%%s | %%s | %%d %%b\\n\" (String.concat \";\" (List.map (fun (k, v) -> Printf.sprintf \"%%d=%%d\" k v) (IM.bindings (IM.map (fun %s -> %s) m))))\n"
                    "     (String.concat \",\" (List.map string_of_int (IS.elements s))) (IS.cardinal (IS.filter (fun z -> z mod 2 = 0) s)) (IM.is_empty m));\n"
                    % (x, x, x, l, l, x, v))
        if ty == "exn_match":
            r, br = self.gen_raising(env, d)
            v = self.fresh("v")
            body, _ = self.gen_int(env + [(v, "int", br)], d - 1)
            return ("  (match %s with\n   | %s -> Printf.printf \"value %%d\\n\" %s\n"
                    "   | exception E n when n > 10 -> Printf.printf \"E big %%d\\n\" n\n"
                    "   | exception E n -> Printf.printf \"E %%d\\n\" n\n"
                    "   | exception Not_found -> print_endline \"Not_found\"\n"
                    "   | exception A1.Too_big n -> Printf.printf \"A1.Too_big %%d\\n\" n\n"
                    "   | exception A2.Too_big n -> Printf.printf \"A2.Too_big %%d\\n\" n);\n"
                    % (r, v, body))
        return None

    # ---------------------------------------------------------------- modules, functors,
    # exceptions in match, optional arguments (declared by module_decls)
    def gen_raising(self, env, d):
        """An int expression that may raise E, Not_found, A1.Too_big or A2.Too_big."""
        k = self.r.randint(0, 4)
        a, ba = self.gen_int(env, d - 1)
        a, ba = self.clip(a, ba, ARG)
        if k == 0:
            b, bb = self.gen_int(env, d - 1)
            return "(if %s then raise (E %s) else %s)" % (self.gen_bool(env, d - 1), a, b), max(ba, bb)
        if k == 1:
            l, eb, _ = self.gen_list(env, d - 1)
            x = self.fresh("x")
            return "(List.find (fun %s -> %s > %s) %s)" % (x, x, a, l), eb
        if k == 2:
            return "(A1.check %s)" % a, ba
        if k == 3:
            return "(A2.check (A2.run %s))" % a, ARG
        return "(Mk.step %s)" % a, 1000

    def gen_module_int(self, env, d, k):
        if k == 32:
            r, br = self.gen_raising(env, d)
            v = self.fresh("v")
            body, bb = self.gen_int(env + [(v, "int", br)], d - 1)
            c, bc = self.gen_int(env, d - 1)
            if self.chance(0.5):
                return ("(match %s with %s -> %s | exception E n -> n + 1 | exception Not_found -> %s"
                        " | exception A1.Too_big n -> n - 1 | exception A2.Too_big _ -> 2)"
                        % (r, v, body, c)), max(bb, br + 1, bc)
            return ("(match %s with exception (E n | A1.Too_big n | A2.Too_big n) when n > 5 -> n"
                    " | %s when %s > 3 -> %s | exception _ -> %s | %s -> %s)"
                    % (r, v, v, body, c, v, v)), max(bb, br, bc)
        if k == 33:
            l, eb, lb = self.gen_list(env, d - 1)
            a, _ = self.gen_int(env, d - 1)
            c, bc = self.gen_int(env, d - 1)
            x = self.fresh("x")
            m = "(List.fold_left (fun m %s -> IM.add (%s mod 50) %s m) IM.empty %s)" % (x, x, x, l)
            form = self.r.randint(0, 2)
            if form == 0:
                return "(IM.fold (fun k v acc -> (acc + k * 3 + v) mod 10007) %s 0)" % m, 10006 + 150 + LIMIT
            if form == 1:
                return "(match IM.find_opt (%s mod 50) %s with Some v -> v | None -> %s)" % (a, m, c), max(eb, bc)
            return "(IM.cardinal (IM.filter (fun k _ -> k > %s) %s))" % (a, m), lb
        if k == 34:
            l, eb, lb = self.gen_list(env, d - 1)
            c, bc = self.gen_int(env, d - 1)
            form = self.r.randint(0, 2)
            if form == 0:
                return "(IS.cardinal (IS.of_list %s))" % l, lb
            if form == 1:
                return ("(match IS.min_elt_opt (IS.of_list %s) with Some x -> x | None -> %s)" % (l, c)), max(eb, bc)
            return "(IS.fold (fun x acc -> (acc * 7 + x) mod 10007) (IS.of_list %s) 0)" % l, 10006 * 7 + LIMIT
        if k == 35:
            a = self.clip(*self.gen_int(env, d - 1), ARG)[0]
            b = self.clip(*self.gen_int(env, d - 1), ARG)[0]
            c = self.clip(*self.gen_int(env, d - 1), ARG)[0]
            form = self.pick([
                "(opt_f ~base:%(a)s %(b)s)", "(opt_f %(b)s ~base:%(a)s)", "(opt_f ~scale:2 ~base:%(a)s %(b)s)",
                "(opt_f ~offset:%(c)s ~base:%(a)s %(b)s)", "(opt_f ?offset:(Some %(c)s) ~scale:1 ~base:%(a)s %(b)s)",
                "(opt_f ~base:%(a)s ?scale:None %(b)s)", "(opt_f ~base:%(a)s ~offset:%(c)s ~scale:0 %(b)s)",
                "(lsum (abs %(a)s mod 40))", "(lsum ~acc:(abs %(c)s) (abs %(a)s mod 40))",
                "(opt_g ~label:%(a)s ())", "(opt_g ())", "(opt_g ?label:(Some %(b)s) ~k:%(c)s ())"])
            return form % {"a": a, "b": b, "c": c}, 1000 + ARG
        if k == 36:
            a, ba = self.gen_int(env, d - 1)
            b, bb = self.gen_int(env, d - 1)
            n = self.fresh("n")
            return ("(let exception L of int in try (if %s then raise (L %s) else %s) with L %s -> %s + 1)"
                    % (self.gen_bool(env, d - 1), a, b, n, n)), max(ba + 1, bb)
        a = self.clip(*self.gen_int(env, d - 1), ARG)[0]
        return self.pick(["Mk.(step %s + base)", "(let open Mk in step %s)", "(A1.twice %s)", "(A2.run %s)"]) % a, 1000 + 100

    def module_decls(self):
        """A module behind a signature, a functor with an exception, two applications,
        Map.Make and Set.Make instances and functions with optional arguments."""
        x = [("x", "int", ARG)]
        hidden = self.clip(*self.gen_int(x, 2), ARG)[0]
        f1 = self.clip(*self.gen_int(x, 2), ARG)[0]
        out = ["module type STEP = sig\n  val base : int\n  val step : int -> int\nend\n",
               "module Mk : STEP = struct\n  let base = %d\n  let hidden x = %s\n"
               "  let step x = (hidden x + base) mod 1001\nend\n" % (self.r.randint(0, 100), hidden),
               "module type PARAM = sig\n  val k : int\n  val f : int -> int\nend\n",
               "module Apply (P : PARAM) = struct\n  exception Too_big of int\n"
               "  let run x = P.f ((abs x + P.k) mod 1001)\n  let twice x = run (run x)\n"
               "  let check x = if x > P.k then raise (Too_big x) else x\nend\n",
               "module A1 = Apply (struct\n  let k = %d\n  let f x = %s\nend)\n" % (self.r.randint(0, 500), f1),
               "module A2 = Apply (struct let k = %d let f = Mk.step end)\n" % self.r.randint(0, 500),
               "module IM = Map.Make (Int)\n",
               "module IS = Set.Make (struct type t = int let compare a b = %s end)\n"
               % self.pick(["compare a b", "compare b a", "compare (a mod 7, a) (b mod 7, b)"]),
               "let opt_f ?(scale = %d) ?offset ~base x =\n"
               "  (base * scale + x + (match offset with None -> 0 | Some o -> o)) mod 1001\n" % self.r.randint(0, 5),
               "let rec lsum ?(acc = 0) n = if n <= 0 then acc mod 1001 else lsum ~acc:((acc + n) mod 1001) (n - 1)\n",
               "let opt_g ?(label = %d) ?k () = match k with None -> label | Some k -> (label + k) mod 1001\n"
               % self.r.randint(0, 50)]
        self.funcs += [("Mk.step", 1, 1000, "module"), ("A1.run", 1, ARG, "functor"),
                       ("A2.twice", 1, 1000, "functor")]
        return "".join(out)

    # compound values for structural comparison: types are tuples of
    # "int" | "string" | "bool" | "char" | ("list", t) | ("option", t) | ("pair", t1, t2) | "shape"
    def gen_ctype(self, d):
        if d <= 0 or self.chance(0.3):
            return self.pick(["int", "string", "bool", "char", "shape"])
        k = self.r.randint(0, 2)
        if k == 0:
            return ("list", self.gen_ctype(d - 1))
        if k == 1:
            return ("option", self.gen_ctype(d - 1))
        return ("pair", self.gen_ctype(d - 1), self.gen_ctype(d - 1))

    def gen_cvalue(self, t, env, d):
        if t == "int":
            return self.gen_int(env, 1)[0] if self.chance(0.5) else "(%d)" % self.r.randint(-3, 3)
        if t == "string":
            return self.str_lit()
        if t == "bool":
            return self.pick(["true", "false"])
        if t == "char":
            return self.pick(["'a'", "'b'", "'\\n'", "'Z'", "'\\200'"])
        if t == "shape":
            return self.gen_shape(env, 1)
        if t[0] == "list":
            return "[" + "; ".join(self.gen_cvalue(t[1], env, d - 1) for _ in range(self.r.randint(0, 3))) + "]"
        if t[0] == "option":
            return "None" if self.chance(0.3) else "(Some %s)" % self.gen_cvalue(t[1], env, d - 1)
        return "(%s, %s)" % (self.gen_cvalue(t[1], env, d - 1), self.gen_cvalue(t[2], env, d - 1))

    def program(self):
        out = ["(* generated by gen_prog.py *)\n", PREAMBLE, self.module_decls()]
        self.modules_ready = True
        for _ in range(self.r.randint(1, 4)):
            out.append(self.gen_function())
        # top-level values
        env = []
        for _ in range(self.r.randint(1, 4)):
            kind = self.pick(["int", "string", "list"])
            name = self.fresh("g")
            if kind == "int":
                e, b = self.gen_int(env, 3)
                env.append((name, "int", b))
            elif kind == "string":
                e = self.gen_string(env, 3)
                env.append((name, "string", None))
            else:
                e, eb, lb = self.gen_list(env, 3)
                env.append((name, "list", (eb, lb)))
            out.append("let %s = %s\n" % (name, e))
        out.append("let () =\n")
        for _ in range(self.size):
            s = self.gen_stmt(env)
            if s is None:   # a local let that scopes over the rest
                name = self.fresh("l")
                e, b = self.gen_int(env, 3)
                out.append("  let %s = %s in\n" % (name, e))
                env = env + [(name, "int", b)]
            else:
                out.append(s)
        ending = self.r.random()
        if ending < 0.06:
            code = self.r.randint(0, 7)
            out.append("  print_string \"exiting\";\n  exit %d\n" % code)
            out.insert(1, "(* expect status %d *)\n" % code)
        elif ending < 0.1:
            out.append("  print_string \"raising\";\n  if true then raise (E %d);\n  print_endline \"done\"\n"
                       % self.r.randint(0, 9))
            out.insert(1, "(* expect status 2 *)\n")
        else:
            out.append("  print_endline \"done\"\n")
            out.insert(1, "(* expect status 0 *)\n")
        return "".join(out)


def generate(seed, size=16):
    return Gen(seed, size).program()


def selftest(n):
    try:
        subprocess.run(["ocaml", "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    except (OSError, subprocess.CalledProcessError):
        print("gen_prog.py --selftest: ocaml not found, skipped")
        return 77
    bad = 0
    with tempfile.TemporaryDirectory(prefix="gen-selftest-") as d:
        for seed in range(n):
            path = os.path.join(d, "p%d.ml" % seed)
            src = generate(seed)
            if generate(seed) != src:
                print("seed %d: generator is not deterministic" % seed)
                bad += 1
            with open(path, "w") as f:
                f.write(src)
            r = subprocess.run(["ocaml", "-w", "-a", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            want = int(src.split("(* expect status ")[1].split()[0])
            ends = b"raising" if "raising\"" in src else b"exiting" if "exiting\"" in src else b"done\n"
            if r.returncode != want or (want == 0 and r.stderr) or not r.stdout.endswith(ends):
                print("seed %d: ocaml status %d\n%s" % (seed, r.returncode, r.stderr.decode(errors="replace")[:2000]))
                bad += 1
    print("gen_prog.py --selftest: %d programs, %d bad" % (n, bad))
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seed", nargs="?", type=int, default=0)
    ap.add_argument("--size", type=int, default=16, help="statements in the main body")
    ap.add_argument("--selftest", action="store_true")
    ap.add_argument("-n", type=int, default=40, help="programs for --selftest")
    args = ap.parse_args()
    if args.selftest:
        return selftest(args.n)
    sys.stdout.write(generate(args.seed, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())

(* SPDX-License-Identifier: MIT
   sense.ml - module Sense (Sense-only): time, sleeping, the progress monitor, devices and
   inter-container channels (docs/concurrency.md). *)
let sleep_ns n = Sense.sleep_ns n
let sleep_us n = Sense.sleep_us n
let sleep_ms n = Sense.sleep_ms n
let time_ms () = Sense.time_ms ()
let time_us () = Sense.time_us ()
let sleep_until_ms t = Sense.sleep_until_ms t
let after n = Sense.after n
let progress () = Sense.progress ()
let monitor_count () = Sense.monitor_count ()
let dev_write d v = Sense.dev_write d v
let dev_read d = Sense.dev_read d
let dev_event d = Sense.dev_event d
let xsend c v = Sense.xsend c v
let xreceive c = Sense.xreceive c
